package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The launcher {@code ./mvoscan} picks the class archive and the JIT flags by the subcommand: it
 * finds that subcommand behind the options given before it, whatever their values are. Run with
 * bash on a copy of the script beside a jar, with a {@code java} on the path that only writes down
 * what it was asked to run.
 */
class LauncherTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} runs as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "import x.csv | import",
        "--db k.db import x.csv | import",
        "--db=k.db import x.csv | import",
        "--lang en score a.json | score",
        "--scans scans score a.json | score",
        "--scans=scans score a.json | score",
        "--verbose --lang=en --db data aggregate | aggregate",
        "-o export report 1 | report",
        "--scan score validate s.json | validate",
      })
  void findsTheSubcommandBehindTheOptionsAndTheirValues(String arguments, String command)
      throws Exception {
    assertRunsAs(Path.of("mvoscan"), "target/mvoscan.jar", arguments, command);
  }

  @ParameterizedTest(name = "{0} runs as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "import x.csv | import",
        "--db k.db import x.csv | import",
        "--db=k.db import x.csv | import",
        "--scans scans score a.json | score",
        "--verbose --lang=en --db data aggregate | aggregate",
      })
  void theReleaseLauncherFindsTheSubcommandToo(String arguments, String command) throws Exception {
    assertRunsAs(Path.of("src", "dist", "mvoscan"), "lib/mvoscan.jar", arguments, command);
  }

  private void assertRunsAs(Path launcher, String jar, String arguments, String command)
      throws Exception {
    List<String> java = launch(launcher, jar, arguments.split(" "));

    assertThat(java)
        .anySatisfy(
            word ->
                assertThat(word)
                    .startsWith("-XX:ArchiveClassesAtExit=" + dir.resolve("cds") + "/" + command)
                    .contains(".jsa."));
    if (List.of("import", "aggregate", "export").contains(command)) {
      assertThat(java).doesNotContain("-XX:TieredStopAtLevel=1");
    } else {
      assertThat(java).contains("-XX:TieredStopAtLevel=1");
    }
    assertThat(String.join(" ", java)).endsWith("-jar " + dir.resolve(jar) + " " + arguments);
  }

  @Test
  void bothLaunchersKnowEveryOptionThatTakesAValue() throws IOException {
    Set<String> taking = new TreeSet<>();
    collect(CommandLineFactory.create(new String[0]), taking);

    for (Path launcher : List.of(Path.of("mvoscan"), Path.of("src", "dist", "mvoscan"))) {
      String script = Files.readString(launcher, StandardCharsets.UTF_8);
      String list = script.substring(script.indexOf("--lang | --db"), script.indexOf(") skip=1"));
      Set<String> skipped = new TreeSet<>(List.of(list.replace("\\", " ").split("[|\\s]+")));

      assertThat(skipped).as(launcher.toString()).containsAll(taking);
    }
  }

  /** The names of the options of {@code command} and its subcommands that take a value. */
  private static void collect(CommandLine command, Set<String> names) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (option.arity().max() > 0) {
        names.addAll(List.of(option.names()));
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, names));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mvoscan, target/mvoscan.jar", "src/dist/mvoscan, lib/mvoscan.jar"})
  void aShortCommandRunsOnTheSerialCollectorInAHeapThatStartsSmall(String launcher, String jar)
      throws Exception {
    List<String> java = launchWith(Path.of(launcher), jar, null, "import", "x.csv");

    assertThat(java).contains("-XX:+UseSerialGC", HEAP, "-Xmn64m");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mvoscan, target/mvoscan.jar", "src/dist/mvoscan, lib/mvoscan.jar"})
  void serveKeepsTheDefaultsOfTheJvm(String launcher, String jar) throws Exception {
    List<String> java = launchWith(Path.of(launcher), jar, null, "serve", "--port", "0");

    assertThat(java).noneMatch(word -> word.startsWith("-Xm") || word.endsWith("GC"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mvoscan, target/mvoscan.jar", "src/dist/mvoscan, lib/mvoscan.jar"})
  void aCollectorOrHeapOfTheUsersOwnReplacesTheDefault(String launcher, String jar)
      throws Exception {
    List<String> java =
        launchWith(
            Path.of(launcher), jar, "-XX:+UseG1GC -XX:MaxRAMPercentage=50", "import", "x.csv");

    assertThat(java)
        .contains("-XX:+UseG1GC", "-XX:MaxRAMPercentage=50")
        .doesNotContain("-XX:+UseSerialGC", HEAP, "-Xmn64m");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mvoscan, target/mvoscan.jar", "src/dist/mvoscan, lib/mvoscan.jar"})
  void aHeapOfTheUsersOwnKeepsTheSerialCollector(String launcher, String jar) throws Exception {
    List<String> java = launchWith(Path.of(launcher), jar, "-Xmx2g", "export", "--long");

    assertThat(java).contains("-XX:+UseSerialGC", "-Xmx2g").doesNotContain(HEAP, "-Xmn64m");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mvoscan, target/mvoscan.jar", "src/dist/mvoscan, lib/mvoscan.jar"})
  void aCollectorOrHeapInTheJvmsOwnOptionsReplacesTheDefault(String launcher, String jar)
      throws Exception {
    jdkJavaOptions = "-Xmx64m -XX:+UseParallelGC";
    List<String> java = launchWith(Path.of(launcher), jar, null, "aggregate");

    assertThat(java).doesNotContain("-XX:+UseSerialGC", HEAP, "-Xmn64m");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mvoscan, target/mvoscan.jar", "src/dist/mvoscan, lib/mvoscan.jar"})
  void anOptionThatOnlyEndsInGcKeepsTheSerialCollector(String launcher, String jar)
      throws Exception {
    List<String> java =
        launchWith(
            Path.of(launcher), jar, "-XX:+UseLargePages -XX:+DisableExplicitGC", "import", "x.csv");

    assertThat(java).contains("-XX:+UseSerialGC", HEAP);
  }

  /**
   * There is no Windows to run {@code mvoscan.cmd} on here, so its text is held to the Unix
   * launcher's: the same JVM options, every collector the Unix one lets the user's own replace, and
   * the same reasons in its comment.
   */
  @Test
  void theWindowsLauncherSetsTheDefaultsOfTheUnixOne() throws IOException {
    String unix = Files.readString(Path.of("src", "dist", "mvoscan"), StandardCharsets.UTF_8);
    String windows =
        Files.readString(Path.of("src", "dist", "mvoscan.cmd"), StandardCharsets.UTF_8);
    String logging =
        unix.substring(unix.indexOf("jvm=\"") + 5, unix.indexOf('"', unix.indexOf("jvm=\"") + 5));

    assertThat(windows)
        .contains("set \"JVM=" + logging + "\"")
        .contains("\"JIT=-XX:TieredStopAtLevel=1\"", "\"GC=-XX:+UseSerialGC\"")
        .contains("\"HEAP=" + HEAP + " -Xmn64m\"")
        .contains("\"%COMMAND%\"==\"serve\"", "%MVOSCAN_JAVA_OPTS% -jar");
    for (String command : List.of("import", "aggregate", "export")) {
      assertThat(windows).contains("\"%COMMAND%\"==\"" + command + "\" set \"JIT=\"");
    }
    java.util.regex.Matcher collectors =
        java.util.regex.Pattern.compile("\" (-XX:\\+Use\\w+GC) \"").matcher(unix);
    int count = 0;
    while (collectors.find()) {
      assertThat(windows).contains("%OWN: " + collectors.group(1) + " =%");
      count++;
    }
    assertThat(count).isEqualTo(6);
    for (String heap : List.of(" -Xm", "HeapSize", "NewSize", "MaxRAM")) {
      assertThat(windows).contains("%OWN:" + heap + "=%");
    }
    assertThat(memoryComment(windows, "rem ").replace("set MVOSCAN", "MVOSCAN"))
        .isEqualTo(memoryComment(unix, "# "));
  }

  /** The launcher's comment on memory, from "Memory:" to "concurrent.", as one line of words. */
  private static String memoryComment(String script, String prefix) {
    String comment =
        script.substring(script.indexOf("Memory:"), script.indexOf("concurrent.") + 11);
    return comment.replace("\r", "").replace("\n" + prefix, " ").replaceAll("\\s+", " ");
  }

  /** JDK_JAVA_OPTIONS for the next launch (none when null). */
  private String jdkJavaOptions;

  /** The heap a short command starts with unless the user gives one. */
  private static final String HEAP = "-Xms96m";

  private List<String> launch(Path launcher, String jar, String... arguments)
      throws IOException, InterruptedException {
    return launchWith(launcher, jar, null, arguments);
  }

  /**
   * Runs the launcher with {@code arguments} and {@code javaOpts} as MVOSCAN_JAVA_OPTS (none when
   * null); what it passed to java, one word an element.
   */
  private List<String> launchWith(Path launcher, String jar, String javaOpts, String... arguments)
      throws IOException, InterruptedException {
    Path script = dir.resolve("mvoscan");
    Files.copy(launcher, script);
    Files.createDirectories(dir.resolve(jar).getParent());
    Files.writeString(dir.resolve(jar), "not a jar: java here only takes notes");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path notes = dir.resolve("java-arguments");
    Path fakeJava = bin.resolve("java");
    Files.writeString(
        fakeJava,
        "#!/bin/sh\nfor word in \"$@\"; do printf '%s\\n' \"$word\"; done > '" + notes + "'\n");
    Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));

    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("MVOSCAN_CDS_DIR", dir.resolve("cds").toString());
    builder.environment().remove("MVOSCAN_CDS");
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("MVOSCAN_JAVA_OPTS");
    if (javaOpts != null) {
      builder.environment().put("MVOSCAN_JAVA_OPTS", javaOpts);
    }
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    if (jdkJavaOptions != null) {
      builder.environment().put("JDK_JAVA_OPTIONS", jdkJavaOptions);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return Files.readAllLines(notes);
  }
}

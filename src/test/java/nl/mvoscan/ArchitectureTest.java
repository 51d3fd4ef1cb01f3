package nl.mvoscan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.mvoscan.aggregate.ArchitectureViolation;
import nl.mvoscan.io.ArchitectureViolationBelow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of docs/architecture.md, checked on the compiled classes of src/main (every reference
 * counts, not only imports): arrows point down only, no package cycles, the domain is plain Java,
 * each library is used only by the packages whose job it is, and every package says what it is for.
 * When a rule fails, change the code, or, when the design really changes, this test and
 * docs/architecture.md together.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("nl.mvoscan");

  /** The layers, top to bottom; a subpackage belongs to its top-level package's layer. */
  static final List<String> LAYER_NAMES =
      List.of("cli", "web", "report", "store", "aggregate", "scoring", "scan", "io", "i18n");

  private static final String[] DOMAIN = {
    "nl.mvoscan.scan..", "nl.mvoscan.scoring..", "nl.mvoscan.aggregate.."
  };

  private static final String[] JDBC = {
    "java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql.."
  };
  private static final String[] PDF = {
    "com.lowagie..", "org.jfree..", "java.awt..", "javax.imageio..", "javax.swing.."
  };
  private static final String[] WEB = {
    "io.javalin..", "gg.jte..", "org.eclipse.jetty..", "jakarta.servlet..", "javax.servlet.."
  };

  /** cli (and web beside it) → report → store → aggregate → scoring → scan → io, i18n. */
  static final ArchRule LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("cli")
          .definedBy("nl.mvoscan.cli..")
          // empty until mvoscan serve lands; every class must be in some layer: see below
          .optionalLayer("web")
          .definedBy("nl.mvoscan.web..")
          .layer("report")
          .definedBy("nl.mvoscan.report..")
          .layer("store")
          .definedBy("nl.mvoscan.store..")
          .layer("aggregate")
          .definedBy("nl.mvoscan.aggregate..")
          .layer("scoring")
          .definedBy("nl.mvoscan.scoring..")
          .layer("scan")
          .definedBy("nl.mvoscan.scan..")
          .layer("io")
          .definedBy("nl.mvoscan.io..")
          .layer("i18n")
          .definedBy("nl.mvoscan.i18n..")
          .whereLayer("cli")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("web")
          .mayOnlyBeAccessedByLayers("cli")
          .whereLayer("report")
          .mayOnlyBeAccessedByLayers("cli", "web")
          .whereLayer("store")
          .mayOnlyBeAccessedByLayers("cli", "web", "report")
          .whereLayer("aggregate")
          .mayOnlyBeAccessedByLayers("cli", "web", "report", "store")
          .whereLayer("scoring")
          .mayOnlyBeAccessedByLayers("cli", "web", "report", "store", "aggregate")
          .whereLayer("scan")
          .mayOnlyBeAccessedByLayers("cli", "web", "report", "store", "aggregate", "scoring");

  /** io and i18n are the floor: they use no other part of mvoscan (each other, yes). */
  static final ArchRule FLOOR =
      noClasses()
          .that()
          .resideInAnyPackage("nl.mvoscan.io..", "nl.mvoscan.i18n..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "nl.mvoscan.cli..",
              "nl.mvoscan.web..",
              "nl.mvoscan.report..",
              "nl.mvoscan.store..",
              "nl.mvoscan.aggregate..",
              "nl.mvoscan.scoring..",
              "nl.mvoscan.scan..");

  /**
   * Within a layer too (scan and scan.when, report and report.pdf): no two packages need each
   * other.
   */
  static final ArchRule NO_CYCLES = slices().matching("nl.mvoscan.(**)").should().beFreeOfCycles();

  /** The domain is plain Java: no command line, database, PDF or web framework in it. */
  static final ArchRule DOMAIN_IS_PLAIN =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(concat(new String[] {"picocli.."}, JDBC, PDF, WEB));

  /** picocli is the command line's, JDBC the store's, OpenPDF and charts the PDF reports'. */
  static final List<ArchRule> OWNERS =
      List.of(
          noClasses()
              .that()
              .resideOutsideOfPackage("nl.mvoscan.cli..")
              .should()
              .dependOnClassesThat()
              .resideInAPackage("picocli.."),
          noClasses()
              .that()
              .resideOutsideOfPackage("nl.mvoscan.store..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(JDBC),
          noClasses()
              .that()
              .resideOutsideOfPackage("nl.mvoscan.report.pdf..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(PDF),
          noClasses()
              .that()
              .resideOutsideOfPackage("nl.mvoscan.web..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(WEB));

  /**
   * The libraries each package may use besides the JDK and mvoscan (the table in
   * docs/architecture.md); a subpackage not named here has its parent's. A new library in a package
   * is a design decision: add it here and there, and say in docs/decisions.md why it earns its
   * place.
   */
  static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

  static {
    String json = "com.fasterxml.jackson..";
    String csv = "org.apache.commons.csv..";
    String xlsx = "org.dhatim.fastexcel..";
    LIBRARIES.put("cli", List.of("picocli..", json));
    LIBRARIES.put(
        "web",
        List.of(
            json,
            "io.javalin..",
            "gg.jte..",
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "kotlin..",
            "io.nayuki.qrcodegen.."));
    LIBRARIES.put("report.pdf", List.of(PDF));
    LIBRARIES.put("report", List.of(json, csv, xlsx));
    LIBRARIES.put("store", Stream.concat(Stream.of(json), Stream.of(JDBC)).toList());
    LIBRARIES.put("aggregate", List.of());
    LIBRARIES.put("scoring", List.of());
    LIBRARIES.put("scan.when", List.of());
    LIBRARIES.put("scan", List.of(json, "com.networknt.schema.."));
    LIBRARIES.put("io", List.of(json, csv, xlsx));
    LIBRARIES.put("i18n", List.of());
  }

  /** Parts of the JDK that are a library's job all the same: JDBC, AWT and its image I/O. */
  private static final List<String> JDK_LIBRARIES =
      List.of("java.sql..", "javax.sql..", "java.awt..", "javax.imageio..", "javax.swing..");

  /** The LIBRARIES entry of a package: its own, else its nearest parent's. */
  static Optional<List<String>> librariesOf(String packageName) {
    String pkg = packageName;
    while (pkg.startsWith("nl.mvoscan.")) {
      List<String> own = LIBRARIES.get(pkg.substring("nl.mvoscan.".length()));
      if (own != null) {
        return Optional.of(own);
      }
      pkg = pkg.substring(0, pkg.lastIndexOf('.'));
    }
    return Optional.empty();
  }

  private static boolean matches(List<String> patterns, String packageName) {
    return patterns.stream().anyMatch(p -> PackageMatcher.of(p).matches(packageName));
  }

  private static boolean allowed(List<String> libraries, String target) {
    if (target.isEmpty() || target.startsWith("nl.mvoscan")) {
      return true; // primitives and arrays of them; mvoscan's own arrows are the layers' rule
    }
    if (matches(libraries, target)) {
      return true;
    }
    boolean jdk = target.startsWith("java.") || target.startsWith("javax.");
    return jdk && !matches(JDK_LIBRARIES, target);
  }

  /** Every class: the JDK, mvoscan and its package's libraries only. */
  static final ArchRule LIBRARY_USE =
      classes()
          .that()
          .resideInAPackage("nl.mvoscan..")
          .should(
              new ArchCondition<JavaClass>(
                  "use only the JDK, mvoscan and their package's libraries") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                  Optional<List<String>> libraries = librariesOf(javaClass.getPackageName());
                  if (libraries.isEmpty()) {
                    events.add(
                        SimpleConditionEvent.violated(
                            javaClass,
                            javaClass.getName()
                                + " is in a package with no place in the layers or the library"
                                + " table"));
                    return;
                  }
                  for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    String target =
                        dependency.getTargetClass().getBaseComponentType().getPackageName();
                    if (!allowed(libraries.get(), target)) {
                      events.add(
                          SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                  }
                }
              });

  private static String[] concat(String[]... parts) {
    return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
  }

  @Test
  void theRulesSeeTheWholeOfSrcMainAndNoTestClass() {
    for (String pkg : LIBRARIES.keySet()) {
      if (!pkg.equals("web")) {
        assertThat(MAIN.stream().anyMatch(c -> c.getPackageName().equals("nl.mvoscan." + pkg)))
            .as("classes of nl.mvoscan." + pkg + " are checked")
            .isTrue();
      }
    }
    assertThat(MAIN.contain(ArchitectureViolation.class)).isFalse();
    assertThat(MAIN.contain(ArchitectureTest.class)).isFalse();
  }

  @Test
  void everyClassIsInALayer() {
    assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
        .allMatch(
            pkg ->
                LAYER_NAMES.stream()
                    .anyMatch(l -> PackageMatcher.of("nl.mvoscan." + l + "..").matches(pkg)));
  }

  @Test
  void arrowsPointDownOnly() {
    LAYERS.check(MAIN);
    FLOOR.check(MAIN);
  }

  @Test
  void noPackagesNeedEachOther() {
    NO_CYCLES.check(MAIN);
  }

  @Test
  void theDomainImportsNoPicocliJdbcOpenPdfOrWebFramework() {
    DOMAIN_IS_PLAIN.check(MAIN);
  }

  @Test
  void eachFrameworkStaysInItsLayer() {
    OWNERS.forEach(rule -> rule.check(MAIN));
  }

  @Test
  void eachPackageUsesOnlyItsOwnLibraries() {
    LIBRARY_USE.check(MAIN);
  }

  /** The source folders under {@code root} that hold Java files but no package-info.java. */
  static List<Path> packagesWithoutInfo(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".java"))
          .map(Path::getParent)
          .distinct()
          .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyPackageSaysWhatItIsFor() throws IOException {
    Path root = Path.of("src/main/java");
    assertThat(packagesWithoutInfo(root)).isEmpty();
    try (Stream<Path> infos = Files.walk(root)) {
      for (Path info : infos.filter(f -> f.endsWith("package-info.java")).toList()) {
        assertThat(Files.readString(info)).as(info.toString()).containsPattern("/\\*\\*\\s*\\S");
      }
    }
  }

  @Test
  void aPackageWithoutPackageInfoIsReported(@TempDir Path root) throws IOException {
    Path described = Files.createDirectories(root.resolve("nl/mvoscan/store"));
    Files.writeString(described.resolve("package-info.java"), "/** Stored. */\npackage x;\n");
    Files.writeString(described.resolve("Store.java"), "class Store {}\n");
    Path bare = Files.createDirectories(root.resolve("nl/mvoscan/store/pg"));
    Files.writeString(bare.resolve("Push.java"), "class Push {}\n");
    assertThat(packagesWithoutInfo(root)).containsExactly(bare);
  }

  /**
   * The rules are not vacuous: src/main with two test-only classes added, as if they were there. An
   * aggregate class uses JDBC, picocli and OpenPDF and reaches up to the store and the reports; an
   * io class reaches up into the scan, which reads through io: each rule they break reports them.
   */
  private static final JavaClasses WITH_VIOLATIONS =
      new ClassFileImporter()
          .withImportOption(
              location ->
                  ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                      || location.contains("/ArchitectureViolation"))
          .importPackages("nl.mvoscan");

  private static List<String> reported(ArchRule rule) {
    return rule.evaluate(WITH_VIOLATIONS).getFailureReport().getDetails();
  }

  private static List<String> reported(List<ArchRule> rules) {
    return rules.stream().flatMap(rule -> reported(rule).stream()).toList();
  }

  @Test
  void aDomainClassThatUsesJdbcPicocliOrOpenPdfIsReported() {
    String fixture = ArchitectureViolation.class.getName();
    for (List<String> lines :
        List.of(reported(DOMAIN_IS_PLAIN), reported(OWNERS), reported(LIBRARY_USE))) {
      assertThat(lines)
          .anyMatch(line -> line.contains(fixture) && line.contains("java.sql.Connection"))
          .anyMatch(line -> line.contains(fixture) && line.contains("picocli.CommandLine"))
          .anyMatch(line -> line.contains(fixture) && line.contains("com.lowagie.text.Document"));
    }
  }

  @Test
  void anArrowThatPointsUpIsReported() {
    String fixture = ArchitectureViolation.class.getName();
    assertThat(reported(LAYERS))
        .anyMatch(line -> line.contains(fixture) && line.contains("nl.mvoscan.store.Store"))
        .anyMatch(line -> line.contains(fixture) && line.contains("nl.mvoscan.report.ResultJson"));
    String below = ArchitectureViolationBelow.class.getName();
    assertThat(reported(FLOOR))
        .anyMatch(line -> line.contains(below) && line.contains("nl.mvoscan.scan.ScanLoader"));
  }

  @Test
  void twoPackagesThatNeedEachOtherAreReported() {
    assertThat(reported(NO_CYCLES))
        .anyMatch(line -> line.contains(ArchitectureViolationBelow.class.getName()));
  }

  @Test
  void aSubpackageHasItsParentsLibrariesAndAPackageOutsideTheLayersNone() {
    assertThat(librariesOf("nl.mvoscan.store.pg")).isEqualTo(librariesOf("nl.mvoscan.store"));
    assertThat(librariesOf("nl.mvoscan.report.pdf.charts"))
        .isEqualTo(librariesOf("nl.mvoscan.report.pdf"));
    assertThat(librariesOf("nl.mvoscan.plugins")).isEmpty();
    assertThat(librariesOf("nl.mvoscan")).isEmpty();
  }

  @Test
  void onlyTheTestOnlyClassesBreakTheRules() {
    for (ArchRule rule :
        Stream.concat(
                Stream.of(LAYERS, FLOOR, NO_CYCLES, DOMAIN_IS_PLAIN, LIBRARY_USE), OWNERS.stream())
            .toList()) {
      assertThat(reported(rule))
          .allMatch(line -> line.contains("ArchitectureViolation"), rule.getDescription());
    }
  }
}

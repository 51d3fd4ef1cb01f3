package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mvoscan template SCAN --form}: what a teacher pastes into a form tool makes an export that
 * imports 1:1.
 */
class TemplateFormTest {

  private static final Pattern QUESTION = Pattern.compile("^([0-9]+)\\. (.+)$");

  @TempDir Path dir;

  /** The form's questions: text, then the option labels that follow it. */
  private record Asked(String text, String type, List<String> options) {}

  private static List<Asked> parse(String form) {
    List<Asked> asked = new ArrayList<>();
    String text = null;
    String type = null;
    List<String> options = new ArrayList<>();
    for (String line : form.split("\\R")) {
      Matcher m = QUESTION.matcher(line);
      if (m.matches()) {
        if (text != null) {
          asked.add(new Asked(text, type, options));
        }
        text = m.group(2);
        type = null;
        options = new ArrayList<>();
      } else if (line.startsWith("   Type: ") && text != null) {
        type = line;
      } else if (line.startsWith("   - ") && text != null) {
        options.add(line.substring(5).replaceAll("   \\(.*\\)$", ""));
      }
    }
    if (text != null) {
      asked.add(new Asked(text, type, options));
    }
    return asked;
  }

  /**
   * A number with a thousands separator: 1.200, or the question's minimum when that is higher (a
   * year from 2000).
   */
  private static String thousands(String type) {
    java.util.regex.Matcher min =
        java.util.regex.Pattern.compile("(?:minstens|at least) (\\d+)").matcher(type);
    int value = min.find() ? Math.max(1200, Integer.parseInt(min.group(1))) : 1200;
    return (value / 1000) + "." + String.format(java.util.Locale.ROOT, "%03d", value % 1000);
  }

  private static String csvCell(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  /**
   * A Google Sheet export of the form as printed: one column per question with its exact text, one
   * response that picks the first option everywhere (all options for checkboxes).
   */
  @ParameterizedTest
  @ValueSource(strings = {"nl", "en"})
  void anExportOfTheFormAsPrintedImportsWithoutMappingWarningsOrMissingQuestions(String language)
      throws Exception {
    Cli.Run form = Cli.run("template", "mvo-stagebedrijf", "--form", "--lang", language);
    assertThat(form.exitCode()).as(form.err()).isZero();
    List<Asked> asked = parse(form.out());
    assertThat(asked).hasSizeGreaterThan(50);

    List<String> header = new ArrayList<>(List.of(csvCell("Tijdstempel")));
    List<String> row = new ArrayList<>(List.of(csvCell("5-3-2026 9:14:02")));
    for (Asked q : asked) {
      header.add(csvCell(q.text()));
      String value;
      if (q.options().isEmpty()) {
        value =
            q.type().contains("Getal") || q.type().contains("Number")
                ? thousands(q.type())
                : q.text().contains("KvK") ? "04187352" : "x";
      } else if (q.type().contains("Checkboxes") || q.type().contains("Selectievakjes")) {
        // every option that may be combined, joined as a Google Sheet joins checkboxes
        List<String> all = new ArrayList<>();
        String[] lines = form.out().split("\\R");
        for (String option : q.options()) {
          boolean exclusive = false;
          for (String l : lines) {
            if (l.equals("   - " + option + "   (" + exclusiveWord(language) + ")")) {
              exclusive = true;
            }
          }
          if (!exclusive) {
            all.add(option);
          }
        }
        value = String.join(", ", all);
      } else {
        value = q.options().get(0);
      }
      row.add(csvCell(value));
    }
    Path csv = dir.resolve("export.csv");
    Files.writeString(
        csv,
        String.join(",", header) + "\n" + String.join(",", row) + "\n",
        StandardCharsets.UTF_8);
    Cli.Run imported =
        Cli.run("import", "--lang", "en", "--db", dir.resolve("t.db").toString(), csv.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    // every question is answered, also those this row hides: those answers are told (§3.4), and
    // nothing else is: no column unrecognised, none missing
    assertThat(imported.err().lines())
        .allSatisfy(l -> assertThat(l).contains("ignored: the question does not apply"));
    assertThat(imported.out()).contains("imported 1 response (1 company");

    Cli.Run exported =
        Cli.run("export", "--db", dir.resolve("t.db").toString(), "--long", "--format", "json");
    java.util.Map<String, String> values = new java.util.HashMap<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(exported.out())
        .forEach(a -> values.put(a.get("question_id").asText(), a.get("value").toString()));
    assertThat(values).containsEntry("medewerkers", "1200");
    assertThat(values)
        .containsEntry(
            "energiemaatregelen",
            "[\"led\",\"sensoren\",\"apparaten\",\"uitzetten\",\"thermostaat\",\"onderhoud\"]");
    assertThat(values).containsEntry("sector", "\"productie\"");
  }

  private static String exclusiveWord(String language) {
    return nl.mvoscan.i18n.Messages.forLanguage(language).get("template.exclusive");
  }
}

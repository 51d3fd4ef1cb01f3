package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class PDF shows what {@code mvoscan aggregate} computes: the example class, its figures and
 * improvements read from {@code aggregate --json}, found in the PDF's text.
 */
class ClassReportMatchesAggregateTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Scan SCAN =
      ScanCatalog.load(List.of(), Locale.ROOT).find("mvo-stagebedrijf").orElseThrow();

  @TempDir static Path dir;
  private static String db;
  private static List<String> pages;
  private static String compact;

  @BeforeAll
  static void importTheExampleClassAndMakeItsReport() throws Exception {
    db = dir.resolve("klas.db").toString();
    Cli.Run imported = Cli.run("import", "--lang", "nl", "--db", db, "examples/klas-3a.csv");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    Path pdf = dir.resolve("klas.pdf");
    Cli.Run report =
        Cli.run("report", "class", "3A", "--lang", "nl", "--db", db, "-o", pdf.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    pages = new ArrayList<>();
    PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
    try {
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        pages.add(extractor.getTextFromPage(i).replaceAll("\\s+", " "));
      }
    } finally {
      reader.close();
    }
    compact = squeeze(String.join(" ", pages));
  }

  private static JsonNode group(String... by) throws Exception {
    List<String> args = new ArrayList<>(List.of("aggregate", "--lang", "nl", "--db", db));
    args.addAll(List.of("--class", "3A", "--json"));
    args.addAll(List.of(by));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = MAPPER.readTree(run.out());
    assertThat(root.get("pools")).hasSize(1);
    return root.get("pools").get(0).get("groups");
  }

  /** A figure of the JSON as the Dutch PDF prints it: one decimal with a comma. */
  private static String nl(JsonNode number) {
    return number.isNull()
        ? "–"
        : number.decimalValue().setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** As the PDF prints it: a character the font lacks (CO₂) in its compatibility form (CO2). */
  private static String printed(String text) {
    return squeeze(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC));
  }

  private static Question question(String id) {
    return SCAN.question(id).orElseThrow();
  }

  @Test
  void theCoverAndThemePagesShowTheClassFiguresOfAggregate() throws Exception {
    JsonNode all = group().get(0);
    JsonNode overall = all.get("overall");
    assertThat(compact).contains("Antwoorden" + all.get("n").asInt());
    assertThat(compact)
        .contains(
            squeeze(
                "Gemiddelde totaalscore "
                    + nl(overall.get("mean"))
                    + ", gemiddeld rapportcijfer "
                    + nl(all.get("grade").get("mean"))
                    + " ("
                    + overall.get("scored").asInt()
                    + " van de "
                    + all.get("n").asInt()
                    + " antwoorden"));
    for (JsonNode level : all.get("levels")) {
      if (level.get("id").isNull()) {
        continue;
      }
      String label =
          SCAN.levels().stream()
              .filter(l -> l.id().equals(level.get("id").asText()))
              .findFirst()
              .orElseThrow()
              .label()
              .in("nl", "nl");
      BigDecimal share =
          BigDecimal.valueOf(100L * level.get("count").asInt())
              .divide(BigDecimal.valueOf(all.get("n").asInt()), 1, RoundingMode.HALF_UP);
      assertThat(compact)
          .contains(
              printed(label)
                  + level.get("count").asInt()
                  + share.toPlainString().replace('.', ','));
    }
    for (JsonNode theme : all.get("themes")) {
      String title = SCAN.theme(theme.get("id").asText()).orElseThrow().title().in("nl", "nl");
      assertThat(compact)
          .as(title)
          .contains(
              printed(title)
                  + theme.get("scored").asInt()
                  + nl(theme.get("min"))
                  + nl(theme.get("p25"))
                  + nl(theme.get("median"))
                  + nl(theme.get("p75"))
                  + nl(theme.get("max"))
                  + nl(theme.get("mean")));
    }
  }

  @Test
  void theClassImprovementsAreAggregatesInTheSameOrderWithTheSameFigures() throws Exception {
    JsonNode improvements = group().get(0).get("improvements");
    assertThat(improvements).isNotEmpty();
    int from = compact.indexOf(printed("Waar de klas het meest kan winnen"));
    assertThat(from).isPositive();
    int rank = 0;
    int advised = 0;
    for (JsonNode improvement : improvements) {
      Question question = question(improvement.get("id").asText());
      String heading = printed(++rank + ". " + question.text().in("nl", "nl"));
      int at = compact.indexOf(heading, from);
      assertThat(at).as(heading).isGreaterThan(from);
      assertThat(compact.substring(at))
          .startsWith(
              heading
                  + printed(SCAN.theme(question.themeId()).orElseThrow().title().in("nl", "nl"))
                  + "·onderhetmaximumbij"
                  + improvement.get("below").asInt()
                  + "vande"
                  + improvement.get("resolved").asInt()
                  + "antwoorden·gemiddeld"
                  + nl(improvement.get("meanPoints")));
      // the next step after the class's most common answer below the maximum, as aggregate names it
      JsonNode common = improvement.get("common");
      assertThat(common.isNull()).as(heading).isFalse();
      assertThat(common.get("count").asInt())
          .isPositive()
          .isLessThanOrEqualTo(improvement.get("below").asInt());
      int next = rank < improvements.size() ? compact.indexOf(printed(rank + 1 + ". "), at) : -1;
      String block = next > at ? compact.substring(at, next) : compact.substring(at);
      for (JsonNode advice : common.get("advice")) {
        assertThat(block).contains(printed("Advies: " + advice.get("nl").asText()));
      }
      advised += common.get("advice").size();
      from = at;
    }
    assertThat(advised).as("the example class gets advice for its improvements").isPositive();
  }

  @Test
  void everyCompanyPageShowsItsAggregateFiguresImprovementsAndDisagreements() throws Exception {
    JsonNode companies = group("--by", "company");
    assertThat(companies).hasSizeGreaterThan(1);
    // each company's pages: from the page that starts with its name to the next company's
    List<Integer> starts = new ArrayList<>();
    int next = 0;
    for (JsonNode company : companies) {
      String name = company.get("label").asText() + " ";
      while (next < pages.size() && !pages.get(next).strip().startsWith(name)) {
        next++;
      }
      assertThat(next).as(name + "has a page").isLessThan(pages.size());
      starts.add(next++);
    }
    starts.add(pages.size());
    for (int c = 0; c < companies.size(); c++) {
      JsonNode company = companies.get(c);
      String name = company.get("label").asText();
      String page = squeeze(String.join(" ", pages.subList(starts.get(c), starts.get(c + 1))));
      JsonNode overall = company.get("overall");
      // the companies table: responses, mean, lowest – highest
      assertThat(compact)
          .as(name)
          .contains(
              company.get("n").asInt()
                  + nl(overall.get("mean"))
                  + nl(overall.get("min"))
                  + "–"
                  + nl(overall.get("max")));
      if (company.get("n").asInt() > 1) {
        for (JsonNode theme : company.get("themes")) {
          String title = SCAN.theme(theme.get("id").asText()).orElseThrow().title().in("nl", "nl");
          assertThat(page)
              .as(name + " / " + title)
              .contains(
                  printed(title)
                      + nl(theme.get("mean"))
                      + nl(theme.get("min"))
                      + nl(theme.get("max")));
        }
      }
      int from = 0;
      int rank = 0;
      for (JsonNode improvement : company.get("improvements")) {
        if (rank == 3) {
          break;
        }
        String heading =
            printed(++rank + ". " + question(improvement.get("id").asText()).text().in("nl", "nl"));
        int at = page.indexOf(heading, from);
        assertThat(at).as(name + " / " + heading).isGreaterThanOrEqualTo(from);
        from = at;
      }
      List<JsonNode> disagreements = new ArrayList<>();
      for (JsonNode agreement : company.get("agreement")) {
        agreement
            .get("questions")
            .forEach(
                q -> {
                  if (!q.get("agreement").isNull()
                      && q.get("agreeing").asInt() < q.get("answered").asInt()) {
                    disagreements.add(q);
                  }
                });
      }
      disagreements.sort(
          java.util.Comparator.comparing((JsonNode q) -> q.get("agreement").decimalValue()));
      int last = page.indexOf(printed("Hier verschillen de antwoorden"));
      assertThat(last >= 0)
          .as(name + " has a disagreement table")
          .isEqualTo(!disagreements.isEmpty());
      for (JsonNode q : disagreements) {
        nl.mvoscan.scan.Question asked = question(q.get("id").asText());
        // a topic the law sets carries its marker after the question, as everywhere
        String row =
            printed(asked.text().in("nl", "nl"))
                + (asked.tags().containsKey("law") ? printed("· Wettelijk verplicht") : "")
                + nl(q.get("agreement"))
                + "%";
        int at = page.indexOf(row, last);
        assertThat(at).as(name + " / " + q.get("id").asText()).isGreaterThan(last);
        last = at;
      }
    }
  }
}

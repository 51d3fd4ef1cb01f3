package nl.mvoscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.mvoscan.aggregate.Aggregate;
import nl.mvoscan.aggregate.Aggregator;
import nl.mvoscan.aggregate.GroupSink;
import nl.mvoscan.aggregate.GroupSummary;
import nl.mvoscan.aggregate.Grouping;
import nl.mvoscan.aggregate.Response;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.Status;
import org.junit.jupiter.api.Test;

class AggregateWritersTest {

  private static final Scan SCAN =
      ScanLoader.load(Path.of("src", "test", "resources", "aggregate", "scan.json"), Locale.ENGLISH)
          .scan();

  /** A response with only its class and overall and theme score; every question missing. */
  private static Response response(long id, String className, String score) {
    Map<String, Response.Figure> themes = new HashMap<>();
    for (Theme theme : SCAN.themes()) {
      themes.put(theme.id(), new Response.Figure(Status.SCORED, new BigDecimal(score)));
    }
    Map<String, Response.QuestionFigure> questions = new HashMap<>();
    for (Question question : SCAN.scoredQuestions()) {
      questions.put(question.id(), new Response.QuestionFigure(Status.MISSING, null));
    }
    return new Response(
        id,
        SCAN.hash(),
        className,
        "2026-2027",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Status.SCORED,
        new BigDecimal(score),
        null,
        null,
        themes,
        questions,
        Map.of(),
        Set.of());
  }

  private static final Aggregate AGGREGATE =
      Aggregator.aggregate(
          List.of(
              response(1, "3B", "40"),
              response(2, "3A", "60"),
              response(3, "3C", "80"),
              response(4, "3A", "20")),
          Map.of(SCAN.hash(), SCAN),
          Grouping.CLASS,
          "en");

  /**
   * Feeds {@link #AGGREGATE} group by group to the writer {@code make} gives for a buffer, and
   * checks after each group that its output is already there and the next group's is not.
   */
  private static String streamed(Function<PrintWriter, GroupSink> make) {
    StringWriter buffer = new StringWriter();
    GroupSink writer = make.apply(new PrintWriter(buffer));
    writer.start(AGGREGATE);
    Aggregate.Pool pool = AGGREGATE.pools().get(0);
    List<String> keys = pool.groups().stream().map(GroupSummary::key).toList();
    assertThat(keys).containsExactly("3A", "3B", "3C");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      writer.group(pool, pool.groups().get(i));
      String sofar = buffer.toString();
      assertThat(sofar).as("after group " + keys.get(i)).contains(keys.get(i));
      for (String later : keys.subList(i + 1, keys.size())) {
        assertThat(sofar).as("after group " + keys.get(i)).doesNotContain(later);
      }
      written.add(sofar);
    }
    writer.end();
    String all = buffer.toString();
    written.forEach(part -> assertThat(all).startsWith(part));
    return all;
  }

  @Test
  void theTextWriterWritesEachGroupAsItComesAndEndsAsTheWholeText() {
    Messages messages = Messages.forLanguage("en");
    assertThat(streamed(out -> AggregateText.writer(messages, out)))
        .isEqualTo(AggregateText.render(AGGREGATE, messages));
  }

  @Test
  void theCsvWriterWritesEachGroupAsItComesAndEndsAsTheWholeCsv() {
    Messages messages = Messages.forLanguage("nl");
    for (boolean excel : List.of(false, true)) {
      assertThat(streamed(out -> AggregateCsv.writer(messages, excel, out)))
          .isEqualTo(AggregateCsv.write(AGGREGATE, messages, excel));
    }
  }

  @Test
  void theJsonWriterWritesEachGroupAsItComesAndEndsAsTheWholeDocumentByteForByte() {
    AggregateJson.Selection selection =
        new AggregateJson.Selection(List.of("3a"), List.of(), List.of("2026-2027"), List.of());
    assertThat(streamed(out -> AggregateJson.writer(selection, out)))
        .isEqualTo(
            ResultJson.write(AggregateJson.of(AGGREGATE, selection)) + System.lineSeparator());
  }

  @Test
  void theJsonWriterOfNoResponsesIsTheDocumentWithoutPools() {
    Aggregate none = new Aggregate(Grouping.ALL, 0, List.of());
    AggregateJson.Selection selection =
        new AggregateJson.Selection(List.of(), List.of(), List.of(), List.of());
    StringWriter buffer = new StringWriter();
    GroupSink writer = AggregateJson.writer(selection, new PrintWriter(buffer));
    writer.start(none);
    writer.end();
    assertThat(buffer.toString())
        .isEqualTo(ResultJson.write(AggregateJson.of(none, selection)) + System.lineSeparator());
  }
}

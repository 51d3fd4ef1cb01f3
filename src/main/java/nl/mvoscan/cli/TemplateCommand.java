package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.AtomicFiles;
import nl.mvoscan.io.TerminalText;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.ClassCsv;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scan.FormVariants;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.when.Expr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "Maak een leeg antwoordbestand om in te vullen; de vragen en keuzes staan op stderr. Met --form: de vragen voor Microsoft Forms of Google Formulieren.",
      "Make an empty answers file to fill in; the questions and their choices go to stderr. With --form: the questions for Microsoft Forms or Google Forms."
    })
public final class TemplateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ScanSourceOptions sources;

  @Parameters(paramLabel = "SCAN", description = "Scanbestand of scan-id / scan file or scan id.")
  String scanRef;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Schrijf naar bestand / write to file.")
  OutputPath output;

  @Option(
      names = "--form",
      description =
          "Druk de vragen en antwoorden af om in Microsoft Forms of Google Formulieren te plakken, zodat de export zonder koppelbestand wordt ingelezen / print the questions and options to paste into Microsoft Forms or Google Forms, so the export imports without a mapping (docs/class-csv.md).")
  boolean form;

  @Option(
      names = "--for",
      paramLabel = "bedrijf|organisatie",
      description =
          "Met --form: alleen de vragen voor een bedrijf of voor een organisatie (zorg, welzijn, onderwijs, overheid), zodat het formulier in Microsoft Forms past (hoogstens 200 vragen) / with --form: only the questions for a company or for a public organisation, so the form fits Microsoft Forms (at most 200 questions); also company|organisation.")
  String variant;

  @Option(
      names = "--with-help",
      description = "Zet ook de hulpteksten in de lijst / add the help texts to the list.")
  boolean withHelp;

  @Override
  public Integer call() throws IOException {
    Messages messages = common.messages();
    // -o - is standard output, as without -o
    Path file = output == null || output.isStandardOutput() ? null : output.file(messages);
    Scan scan = new ScanResolver(sources, messages).resolve(scanRef);
    String language = common.scanLanguage(scan);
    FormVariants.Variant chosen = variant(scan, messages);
    if (form) {
      String text = form(scan, chosen, language, messages);
      if (file != null) {
        try {
          AtomicFiles.write(file, text);
        } catch (IOException e) {
          throw MvoscanException.failure(
              messages.get("file.cannotWrite", file, Problems.writeReason(messages, e)), e);
        }
        spec.commandLine().getErr().println(messages.get("template.form.written", file));
      } else {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      }
      return ExitCode.OK;
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", AnswersLoader.FORMAT);
    root.put("scan", scan.id());
    root.put("scanVersion", scan.version());
    ObjectNode respondent = root.putObject("respondent");
    respondent.put("name", "");
    respondent.put("class", "");
    ObjectNode company = root.putObject("company");
    company.put("name", "");
    company.put("city", "");
    root.put("date", LocalDate.now().toString());
    root.put("language", language);
    ObjectNode answers = root.putObject("answers");
    scan.questions().forEach(q -> answers.putNull(q.id()));
    String json = ResultJson.write(root);
    PrintWriter out = spec.commandLine().getOut();
    if (file != null) {
      try {
        AtomicFiles.write(file, json + System.lineSeparator());
      } catch (IOException e) {
        throw MvoscanException.failure(
            messages.get("file.cannotWrite", file, Problems.writeReason(messages, e)), e);
      }
      spec.commandLine().getErr().println(messages.get("template.written", file));
    } else {
      out.println(json);
      out.flush();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(guide(scan, language, messages));
    err.flush();
    return ExitCode.OK;
  }

  /** Microsoft Forms takes at most this many questions in one form. */
  static final int FORMS_MAX_QUESTIONS = 200;

  /** The variant that {@code --for} names, or null without it; bad input when it names none. */
  private FormVariants.Variant variant(Scan scan, Messages messages) {
    if (variant == null) {
      return null;
    }
    if (!form) {
      throw MvoscanException.invalidInput(List.of(messages.get("template.for.withoutForm")));
    }
    FormVariants.Kind kind =
        switch (variant.strip().toLowerCase(Locale.ROOT)) {
          case "bedrijf", "company" -> FormVariants.Kind.COMPANY;
          case "organisatie", "organisation", "organization" -> FormVariants.Kind.ORGANISATION;
          default ->
              throw MvoscanException.invalidInput(
                  List.of(messages.get("template.for.unknown", TerminalText.excerpt(variant))));
        };
    return FormVariants.of(scan)
        .map(v -> v.variant(kind))
        .orElseThrow(
            () ->
                MvoscanException.invalidInput(
                    List.of(messages.get("template.for.noVariants", scan.id()))));
  }

  /**
   * The form to build in Microsoft Forms or Google Forms: the metadata prompts that the import
   * recognises (contract §8.4), then every question with its exact text, the form question type and
   * its option labels, in the scan's language, so the tool's export imports 1:1.
   */
  private String form(Scan scan, FormVariants.Variant variant, String language, Messages messages) {
    String fallback = scan.defaultLanguage();
    String eol = System.lineSeparator();
    List<Question> questions = variant == null ? scan.questions() : variant.questions();
    int metaCount = 0;
    for (ClassCsv.Meta meta : ClassCsv.Meta.values()) {
      if (meta.prompt(language) != null) {
        metaCount++;
      }
    }
    int total = metaCount + questions.size();
    StringBuilder out = new StringBuilder();
    if (variant == null && total > FORMS_MAX_QUESTIONS) {
      // said first: a teacher who pastes 201 questions finds out at question 201
      Optional<FormVariants> variants = FormVariants.of(scan);
      out.append(
              variants.isPresent()
                  ? messages.get(
                      "template.form.tooMany.split",
                      messages.count("question", total),
                      FORMS_MAX_QUESTIONS,
                      scan.id(),
                      messages.count(
                          "question",
                          metaCount
                              + variants
                                  .get()
                                  .variant(FormVariants.Kind.COMPANY)
                                  .questions()
                                  .size()),
                      messages.count(
                          "question",
                          metaCount
                              + variants
                                  .get()
                                  .variant(FormVariants.Kind.ORGANISATION)
                                  .questions()
                                  .size()))
                  : messages.get(
                      "template.form.tooMany",
                      messages.count("question", total),
                      FORMS_MAX_QUESTIONS))
          .append(eol);
    }
    out.append(messages.get("template.form.title", scan.title().in(language, fallback)))
        .append(eol);
    if (variant != null) {
      out.append(
              messages.get(
                  variant.kind() == FormVariants.Kind.COMPANY
                      ? "template.form.variant.company"
                      : "template.form.variant.organisation",
                  messages.count("question", total),
                  optionLabels(variant.split(), variant.options(), language, fallback)))
          .append(eol);
    }
    out.append(messages.get("template.form.intro"))
        .append(eol)
        .append(messages.get("template.form.branching"))
        .append(eol)
        .append(eol)
        .append("== ")
        .append(messages.get("template.form.details"))
        .append(" ==")
        .append(eol);
    int number = 0;
    for (ClassCsv.Meta meta : ClassCsv.Meta.values()) {
      String prompt = meta.prompt(language);
      if (prompt == null) {
        continue;
      }
      out.append(++number)
          .append(". ")
          .append(prompt)
          .append(eol)
          .append("   ")
          .append(messages.get("template.form.type.text"));
      String hint = messages.get("template.form.meta." + meta.name().toLowerCase(Locale.ROOT));
      if (!hint.isBlank()) {
        out.append("; ").append(hint);
      }
      out.append(eol);
    }
    out.append(messages.get("template.form.toolColumns")).append(eol);
    String section = null;
    Map<String, Question> byId = scan.questionsById();
    Map<String, Integer> numbers = new HashMap<>();
    FormVariants variants = variant == null ? null : FormVariants.of(scan).orElseThrow();
    FormCondition.Offered offered = FormCondition.Offered.ALL;
    if (variant != null) {
      // the split question is required in a variant's form; so is any required one it always asks
      Set<String> answered = new HashSet<>();
      answered.add(variant.split().id());
      for (Question q : variant.questions()) {
        if (q.required() && variant.alwaysAsked().contains(q.id())) {
          answered.add(q.id());
        }
      }
      offered =
          new FormCondition.Offered(
              Map.of(variant.split().id(), Set.copyOf(variant.options())), Set.copyOf(answered));
    }
    for (Question q : questions) {
      String title =
          q.themeId() == null
              ? messages.get("template.profile")
              : scan.theme(q.themeId())
                  .map(t -> t.title().in(language, fallback))
                  .orElse(q.themeId());
      if (!title.equals(section)) {
        section = title;
        out.append(eol).append("== ").append(title).append(" ==").append(eol);
      }
      out.append(++number).append(". ").append(q.text().in(language, fallback)).append(eol);
      numbers.put(q.id(), number);
      out.append("   ");
      switch (q.type()) {
        case CHOICE -> out.append(messages.get("template.form.type.choice"));
        case MULTI -> out.append(messages.get("template.form.type.multi"));
        case NUMBER -> {
          StringBuilder limits =
              new StringBuilder(
                  q.integer()
                      ? messages.get("template.form.wholeNumber")
                      : messages.get("template.form.anyNumber"));
          if (q.min() != null) {
            limits.append(", ").append(messages.get("template.hint.min", Decimals.plain(q.min())));
          }
          if (q.max() != null) {
            limits.append(", ").append(messages.get("template.hint.max", Decimals.plain(q.max())));
          }
          if (q.unit() != null) {
            // beside the type, not in the question text: that must stay the export's header
            limits
                .append(", ")
                .append(messages.get("template.hint.unit", q.unit().in(language, fallback)));
          }
          out.append(messages.get("template.form.type.number", limits));
        }
        case TEXT -> out.append(messages.get("template.form.type.text.long", q.maxLength()));
      }
      out.append(eol);
      boolean split = variant != null && q.id().equals(variant.split().id());
      if (split) {
        // an unanswered split question shows the company wording, also in the other form
        out.append("   ").append(messages.get("template.form.splitRequired")).append(eol);
      }
      if (q.type() == QuestionType.CHOICE || q.type() == QuestionType.MULTI) {
        for (nl.mvoscan.scan.Option o : q.options()) {
          if (split && !variant.options().contains(o.id())) {
            continue;
          }
          out.append("   - ").append(o.label().in(language, fallback));
          if (q.type() == QuestionType.MULTI && o.isExclusive()) {
            out.append("   (").append(messages.get("template.exclusive")).append(')');
          }
          out.append(eol);
        }
      }
      Expr open =
          q.when() == null
              ? null
              : variant == null ? q.when().expr() : variants.openCondition(variant.kind(), q);
      if (open != null) {
        String words =
            FormCondition.words(open, messages, byId, numbers, language, fallback, offered);
        out.append("   ").append(messages.get("template.form.when", words)).append(eol);
      }
    }
    out.append(eol).append(messages.get("template.form.import", scan.id())).append(eol);
    return out.toString();
  }

  private static String optionLabels(
      Question question, List<String> ids, String language, String fallback) {
    List<String> labels = new java.util.ArrayList<>();
    for (String id : ids) {
      question.option(id).ifPresent(o -> labels.add(o.label().in(language, fallback)));
    }
    return String.join(", ", labels);
  }

  private String guide(Scan scan, String language, Messages messages) {
    StringBuilder guide = new StringBuilder();
    String fallback = scan.defaultLanguage();
    guide
        .append(messages.get("template.guide", scan.title().in(language, fallback)))
        .append(System.lineSeparator());
    String theme = null;
    for (Question q : scan.questions()) {
      String section =
          q.themeId() == null
              ? messages.get("template.profile")
              : scan.theme(q.themeId())
                  .map(t -> t.title().in(language, fallback))
                  .orElse(q.themeId());
      if (!section.equals(theme)) {
        theme = section;
        guide
            .append(System.lineSeparator())
            .append("== ")
            .append(section)
            .append(" ==")
            .append(System.lineSeparator());
      }
      guide
          .append("\"")
          .append(q.id())
          .append("\": ")
          .append(q.text().in(language, fallback))
          .append(System.lineSeparator());
      switch (q.type()) {
        case CHOICE, MULTI -> {
          guide
              .append("    ")
              .append(
                  messages.get(
                      q.type() == QuestionType.MULTI ? "template.multi" : "template.choice"))
              .append(System.lineSeparator());
          for (nl.mvoscan.scan.Option o : q.options()) {
            guide
                .append("      \"")
                .append(o.id())
                .append("\" = ")
                .append(o.label().in(language, fallback));
            if (o.isExclusive() && q.type() == QuestionType.MULTI) {
              guide.append(" (").append(messages.get("template.exclusive")).append(')');
            }
            guide.append(System.lineSeparator());
          }
        }
        case NUMBER ->
            guide
                .append("    ")
                .append(
                    messages.get(
                        "template.number",
                        q.min() == null ? "-" : nl.mvoscan.scan.Decimals.plain(q.min()),
                        q.max() == null ? "-" : nl.mvoscan.scan.Decimals.plain(q.max()),
                        q.integer() ? messages.get("template.whole") : ""))
                .append(
                    q.unit() == null
                        ? ""
                        : ", "
                            + messages.get("template.hint.unit", q.unit().in(language, fallback)))
                .append(System.lineSeparator());
        case TEXT ->
            guide
                .append("    ")
                .append(messages.get("template.text", q.maxLength()))
                .append(System.lineSeparator());
      }
      if (q.when() != null) {
        guide
            .append("    ")
            .append(messages.get("template.when", q.when().source()))
            .append(System.lineSeparator());
      }
      if (withHelp && q.help() != null) {
        guide
            .append("    ")
            .append(messages.get("template.help", q.help().in(language, fallback)))
            .append(System.lineSeparator());
      }
    }
    guide.append(System.lineSeparator()).append(messages.get("template.evidence"));
    return guide.toString();
  }
}

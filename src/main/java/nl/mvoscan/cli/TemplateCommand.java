package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.AtomicFiles;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.AnswersLoader;
import nl.mvoscan.scan.ClassCsv;
import nl.mvoscan.scan.Decimals;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
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
    if (form) {
      String text = form(scan, language, messages);
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

  /**
   * The form to build in Microsoft Forms or Google Forms: the metadata prompts that the import
   * recognises (contract §8.4), then every question with its exact text, the form question type and
   * its option labels, in the scan's language, so the tool's export imports 1:1.
   */
  private String form(Scan scan, String language, Messages messages) {
    String fallback = scan.defaultLanguage();
    String eol = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append(messages.get("template.form.title", scan.title().in(language, fallback)))
        .append(eol)
        .append(messages.get("template.form.intro"))
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
    for (Question q : scan.questions()) {
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
          out.append(messages.get("template.form.type.number", limits));
        }
        case TEXT -> out.append(messages.get("template.form.type.text.long", q.maxLength()));
      }
      out.append(eol);
      if (q.type() == QuestionType.CHOICE || q.type() == QuestionType.MULTI) {
        for (nl.mvoscan.scan.Option o : q.options()) {
          out.append("   - ").append(o.label().in(language, fallback));
          if (q.type() == QuestionType.MULTI && o.isExclusive()) {
            out.append("   (").append(messages.get("template.exclusive")).append(')');
          }
          out.append(eol);
        }
      }
      if (q.when() != null) {
        out.append("   ").append(messages.get("template.form.when", q.when().source())).append(eol);
      }
    }
    out.append(eol).append(messages.get("template.form.import", scan.id())).append(eol);
    return out.toString();
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

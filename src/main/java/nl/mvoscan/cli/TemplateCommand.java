package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.io.AtomicFiles;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.scan.AnswersLoader;
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
      "Maak een leeg antwoordbestand om in te vullen; de vragen en keuzes staan op stderr.",
      "Make an empty answers file to fill in; the questions and their choices go to stderr."
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
  Path output;

  @Option(
      names = "--with-help",
      description = "Zet ook de hulpteksten in de lijst / add the help texts to the list.")
  boolean withHelp;

  @Override
  public Integer call() throws IOException {
    Messages messages = common.messages();
    Scan scan = new ScanResolver(sources, messages).resolve(scanRef);
    String language =
        common.explicitLanguage() != null && scan.languages().contains(common.explicitLanguage())
            ? common.explicitLanguage()
            : scan.defaultLanguage();
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
    if (output != null) {
      try {
        AtomicFiles.write(output, json + System.lineSeparator());
      } catch (IOException e) {
        throw MvoscanException.failure(
            messages.get("file.cannotWrite", output, String.valueOf(e.getMessage())), e);
      }
      spec.commandLine().getErr().println(messages.get("template.written", output));
    } else {
      out.println(json);
      out.flush();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(guide(scan, language, messages));
    err.flush();
    return ExitCode.OK;
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

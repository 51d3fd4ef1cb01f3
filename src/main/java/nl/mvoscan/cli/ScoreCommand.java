package nl.mvoscan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.report.ResultJson;
import nl.mvoscan.report.Scorecard;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Bereken de score van ingevulde scans: per thema, totaal, cijfer en niveau.",
      "Score filled-in scans: per theme, overall, grade and level."
    })
public final class ScoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin JsonOption json;
  @Mixin ScanSourceOptions sources;

  @Parameters(
      paramLabel = "ANSWERS",
      arity = "1..*",
      description = "Antwoordbestand(en) / answers file(s).")
  List<Path> files;

  @Option(
      names = "--scan",
      paramLabel = "FILE|ID",
      description =
          "De scan; standaard die uit het antwoordbestand / the scan; default: the one the answers name.")
  String scanRef;

  @Option(
      names = "--lens",
      paramLabel = "KEY",
      split = ",",
      description =
          "Toon ook de lens per tag, bijv. sdg, rladder, iso26000 / also show the lens view of a tag key.")
  List<String> lenses = new ArrayList<>();

  @Option(
      names = "--explain",
      description = "Laat elke stap van de berekening zien / show every step of the arithmetic.")
  boolean explain;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    ScanResolver resolver = new ScanResolver(sources, messages);
    Scan fixedScan = scanRef == null ? null : resolver.resolve(scanRef);
    List<ObjectNode> results = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      ScanResolver.LoadedAnswers loaded = resolver.loadAnswers(file, fixedScan);
      if (!loaded.ok()) {
        List<String> lines = Problems.byPointer(file.toString(), loaded.problems(), messages);
        problems.addAll(lines);
        if (json.json) {
          // a rejected file stays in the array, so a script sees which file failed and why
          ObjectNode rejected =
              com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
          rejected.put("file", file.toString());
          com.fasterxml.jackson.databind.node.ArrayNode errors = rejected.putArray("errors");
          lines.forEach(errors::add);
          results.add(rejected);
        }
        continue;
      }
      Scan scan = loaded.scan();
      ScoreResult result = Scorer.score(scan, loaded.answers());
      String language = common.textLanguage(result);
      Messages output = common.messagesFor(language);
      if (json.json) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("file", file.toString());
        node.setAll(ResultJson.of(result, output));
        results.add(node);
      } else {
        String heading = files.size() > 1 ? "== " + file + " ==" + System.lineSeparator() : "";
        texts.add(
            heading
                + (explain
                    ? Scorecard.explain(result, output, language)
                    : Scorecard.render(result, output, language, lenses)));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.json && (files.size() > 1 || !results.isEmpty())) {
      out.println(files.size() == 1 ? ResultJson.write(results.get(0)) : ResultJson.write(results));
    }
    texts.forEach(out::println);
    out.flush();
    if (!problems.isEmpty()) {
      throw MvoscanException.invalidInput(problems);
    }
    return ExitCode.OK;
  }
}

package nl.mvoscan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.mvoscan.i18n.Messages;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Controleer scanbestanden tegen het schema en alle regels van het formaat.",
      "Check scan files against the schema and every rule of the format."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "SCAN", arity = "1..*", description = "Scanbestand(en) / scan file(s).")
  List<Path> files;

  @Override
  public Integer call() {
    Messages messages = common.messages();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean allValid = true;
    for (Path file : files) {
      ScanLoader.Result result = ScanLoader.load(file, messages.locale());
      if (result.ok()) {
        Scan scan = result.scan();
        out.println(
            messages.get(
                "validate.ok",
                file,
                scan.id(),
                scan.version(),
                messages.count("theme", scan.themes().size()),
                messages.count("scoredQuestion", scan.scoredQuestions().size())));
      } else {
        allValid = false;
        Problems.capped(Problems.located(file.toString(), result.problems(), messages), messages)
            .forEach(err::println);
      }
    }
    out.flush();
    err.flush();
    return allValid ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The smallest picocli command line: the floor a JVM command starts from, to which {@code
 * bench/run.sh score} compares {@code mvoscan score}.
 */
@Command(name = "hello", mixinStandardHelpOptions = true, version = "hello 1")
public final class Hello implements Callable<Integer> {

  @Parameters(arity = "0..1", defaultValue = "world", description = "Who to greet.")
  String name;

  @Override
  public Integer call() {
    System.out.println("Hello, " + name + "!");
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Hello()).execute(args));
  }
}

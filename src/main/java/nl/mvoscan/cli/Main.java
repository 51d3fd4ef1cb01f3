package nl.mvoscan.cli;

/** The only place that ends the JVM: every command returns its exit code instead. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(CommandLineFactory.create(args).execute(args));
  }
}

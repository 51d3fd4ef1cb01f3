import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.mvoscan.scan.Option;
import nl.mvoscan.scan.Question;
import nl.mvoscan.scan.QuestionType;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.ScanLoader;
import nl.mvoscan.scan.when.Condition;

/**
 * Writes deterministic, realistic class CSVs for the benchmarks: files of 1 000 rows as a form tool
 * exports them (Dutch question texts as headers, option labels as cells, {@code ;} between cells,
 * UTF-8 with BOM, multi answers joined by {@code |}), the same answers in long form for {@code
 * sqlite3 .import}, and the scored questions' weights and maxima for the reference SQL.
 *
 * <p>Run from the repository root after {@code mvn package}:
 *
 * <pre>
 * java -cp target/mvoscan.jar bench/GenerateClassCsv.java --out DIR --responses 100000 [--single]
 * </pre>
 *
 * <p>The same arguments give the same bytes, and the first files of a larger set equal those of a
 * smaller one. Answers follow the company: every company has a maturity that makes its students
 * lean towards the higher or the lower options, each student adds some noise, about one answer in
 * ten is "weet ik niet", some are left empty, and questions that a condition hides stay empty.
 */
public final class GenerateClassCsv {

  static final int ROWS_PER_FILE = 1000;
  static final int CLASS_SIZE = 25;
  static final long SEED = 20261120L;

  static final String[] FIRST =
      ("Sanne Daan Zoë Mohammed Priya Lotte Sem Noah Emma Julia Lucas Finn Milan Yara Fleur Levi"
              + " Tess Ayoub Amira Bram Noor Jesse Eva Thijs Sara Ruben Lieke Mees Fatima Luuk Isa"
              + " Stijn Femke Jayden Esmee Kevin Naomi Wout Ilse Dewi Oussama Hanna Gijs Roos Sven")
          .split(" ");
  static final String[] LAST =
      ("de Vries,Jansen,Visser,Mulder,Bakker,de Boer,Smit,Meijer,de Groot,Bos,Vos,Peters,Hendriks,"
              + "van Dijk,El Amrani,Ramdin,Yilmaz,Kok,Dekker,Brouwer,van der Veen,Hoekstra,Postma,"
              + "Dijkstra,Kramer,Prins,Huisman,Koster,Wijnberg,Nguyen,Öztürk,Sahin,Bouzid,Schouten")
          .split(",");
  static final String[] CITIES =
      ("Emmen,Assen,Groningen,Leeuwarden,Zwolle,Hoogeveen,Meppel,Drachten,Heerenveen,Stadskanaal,"
              + "Veendam,Sneek,Coevorden,Winschoten,Deventer,Apeldoorn,Enschede,Almelo,Hengelo,Kampen")
          .split(",");
  static final String[] KINDS = {
    "Bakkerij",
    "Garage",
    "Installatiebedrijf",
    "Zorghuis",
    "Kapsalon",
    "Hotel",
    "Transport",
    "Bouwbedrijf",
    "Drukkerij",
    "Tuincentrum",
    "Supermarkt",
    "Restaurant",
    "Timmerfabriek",
    "Administratiekantoor",
    "Kinderopvang",
    "Fietsenmaker",
    "Slagerij",
    "Loonbedrijf"
  };
  static final String[] NAMES = {
    "De Korenschoof",
    "Van Dam",
    "Noord",
    "Het Anker",
    "De Linde",
    "Zuidema",
    "Smits & Zn",
    "De Hoeve",
    "Horizon",
    "De Eik",
    "Veldkamp",
    "Oranje",
    "Het Baken",
    "De Molen",
    "Kuipers"
  };
  static final String[] ACTIVITIES = {
    "Maakt brood en gebak; levert ook aan restaurants.",
    "Onderhoud en reparatie van auto's.",
    "Installeert warmtepompen en zonnepanelen bij particulieren.",
    "Zorg voor ouderen, \"kleinschalig wonen\".",
    "Verkoopt boodschappen en heeft een afhaalpunt.",
    "Vervoert pakketten in de regio, met busjes.",
    "Bouwt en verbouwt woningen",
  };

  /** One internship company: what every student there sees of it. */
  record Company(
      String name,
      String kvk,
      String city,
      double maturity,
      Map<String, String> profile,
      int employees,
      String activity) {}

  private final Scan scan;
  private final Random random = new Random(SEED);
  private final List<Question> questions;

  GenerateClassCsv(Scan scan) {
    this.scan = scan;
    this.questions = scan.questions();
  }

  public static void main(String[] args) throws IOException {
    Path out = null;
    int responses = 10_000;
    boolean single = false;
    Path scanFile = Path.of("scans/mvo-stagebedrijf.json");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--responses" -> responses = Integer.parseInt(args[++i]);
        case "--single" -> single = true;
        case "--scan" -> scanFile = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (out == null) {
      System.err.println(
          "usage: java -cp target/mvoscan.jar bench/GenerateClassCsv.java --out DIR"
              + " [--responses N] [--single] [--scan FILE]");
      System.exit(2);
    }
    ScanLoader.Result loaded = ScanLoader.load(scanFile, Locale.ROOT);
    if (!loaded.ok()) {
      throw new IllegalStateException(scanFile + " does not load: " + loaded.problems());
    }
    new GenerateClassCsv(loaded.scan()).write(out, responses, single);
  }

  void write(Path out, int responses, boolean single) throws IOException {
    Files.createDirectories(out.resolve("csv"));
    String header = header();
    BufferedWriter all = null;
    if (single) {
      all = Files.newBufferedWriter(out.resolve("single.csv"), StandardCharsets.UTF_8);
      all.write('\uFEFF');
      all.write(header);
    }
    try (BufferedWriter longForm =
        Files.newBufferedWriter(out.resolve("long.csv"), StandardCharsets.UTF_8)) {
      longForm.write("response,klas,bedrijf,question,value,points\n");
      int files = (responses + ROWS_PER_FILE - 1) / ROWS_PER_FILE;
      for (int f = 0; f < files; f++) {
        int rows = Math.min(ROWS_PER_FILE, responses - f * ROWS_PER_FILE);
        Path file = out.resolve("csv").resolve(String.format(Locale.ROOT, "klas-%03d.csv", f + 1));
        try (BufferedWriter csv = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          csv.write('\uFEFF');
          csv.write(header);
          writeFile(f, rows, csv, all, longForm);
        }
      }
    } finally {
      if (all != null) {
        all.close();
      }
    }
    try (BufferedWriter q =
        Files.newBufferedWriter(out.resolve("questions.csv"), StandardCharsets.UTF_8)) {
      q.write("question,theme,weight,max\n");
      for (Question question : questions) {
        if (question.scored()) {
          q.write(
              question.id()
                  + ","
                  + question.themeId()
                  + ","
                  + question.weight().toPlainString()
                  + ","
                  + question.maximum().toPlainString()
                  + "\n");
        }
      }
    }
  }

  private String header() {
    List<String> cells =
        new ArrayList<>(List.of("naam", "studentnummer", "klas", "bedrijf", "kvk", "plaats"));
    cells.add("datum");
    for (Question question : questions) {
      cells.add(question.text().in("nl", scan.defaultLanguage()));
    }
    return line(cells);
  }

  /**
   * One school location: its classes of 25, its pool of companies (about one per three students, so
   * several students of a class often share one), dates in the school year 2026-2027.
   */
  private void writeFile(
      int fileIndex, int rows, BufferedWriter csv, BufferedWriter all, BufferedWriter longForm)
      throws IOException {
    List<Company> companies = new ArrayList<>();
    for (int i = 0; i < Math.max(1, rows / 3); i++) {
      companies.add(company(fileIndex, i));
    }
    for (int r = 0; r < rows; r++) {
      int number = fileIndex * ROWS_PER_FILE + r;
      String className =
          String.format(
              Locale.ROOT,
              "%d%c-%03d",
              2 + (r / CLASS_SIZE) % 3,
              (char) ('A' + (r / CLASS_SIZE) % 4),
              fileIndex * (ROWS_PER_FILE / CLASS_SIZE) + r / CLASS_SIZE);
      Company company = companies.get(random.nextInt(companies.size()));
      String studentNumber = Integer.toString(200_000 + number);
      List<String> cells = new ArrayList<>();
      cells.add(pick(FIRST) + " " + pick(LAST));
      cells.add(studentNumber);
      cells.add(className);
      // students spell the same company in several ways
      cells.add(random.nextInt(10) == 0 ? company.name().toLowerCase(Locale.ROOT) : company.name());
      cells.add(company.kvk() == null || random.nextInt(5) == 0 ? "" : company.kvk());
      cells.add(company.city());
      int month = 9 + random.nextInt(10);
      cells.add(
          String.format(
              Locale.ROOT,
              "%d-%d-%d",
              1 + random.nextInt(28),
              (month - 1) % 12 + 1,
              month > 12 ? 2027 : 2026));
      Map<String, Object> visible = new HashMap<>();
      Condition.Values values = values(visible);
      for (Question question : questions) {
        boolean shown = question.when() == null || question.when().test(values);
        Answer answer = shown ? answer(question, company) : null;
        if (answer == null) {
          cells.add("");
          continue;
        }
        visible.put(question.id(), answer.value());
        cells.add(answer.cell());
        longForm.write(
            line(
                List.of(
                    studentNumber,
                    className,
                    company.name(),
                    question.id(),
                    answer.stored(),
                    answer.points() == null ? "" : answer.points().toPlainString()),
                ','));
      }
      String row = line(cells);
      csv.write(row);
      if (all != null) {
        all.write(row);
      }
    }
  }

  /**
   * What a condition sees of the answers so far: an option id (choice), a number or a text as
   * value, the option ids of a choice or multi answer.
   */
  private static Condition.Values values(Map<String, Object> visible) {
    return new Condition.Values() {
      @Override
      public Object valueOf(String id) {
        Object value = visible.get(id);
        return value instanceof List<?> ? null : value;
      }

      @Override
      public Collection<String> optionsOf(String id) {
        Object value = visible.get(id);
        if (value instanceof List<?> list) {
          return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String option ? List.of(option) : List.of();
      }

      @Override
      public boolean answered(String id) {
        return visible.containsKey(id);
      }
    };
  }

  /**
   * An answer: its value as a condition sees it, the cell a form tool writes, the value in long
   * form and the points it earns (null when it earns none).
   */
  record Answer(Object value, String cell, String stored, BigDecimal points) {}

  private Company company(int fileIndex, int index) {
    String city = CITIES[(fileIndex * 7 + index) % CITIES.length];
    String name = pick(KINDS) + " " + pick(NAMES) + " " + city;
    String kvk =
        random.nextInt(10) < 7
            ? String.format(Locale.ROOT, "%08d", 10_000_000 + fileIndex * 10_000 + index)
            : null;
    // a bell curve on 0..1: most companies are on their way, few are leaders or laggards
    double maturity = (random.nextDouble() + random.nextDouble() + random.nextDouble()) / 3;
    Map<String, String> profile = new HashMap<>();
    for (Question question : scan.profile()) {
      if (question.type() == QuestionType.CHOICE) {
        profile.put(question.id(), question.options().get(skewed(question.options().size())).id());
      }
    }
    int employees = (int) Math.round(Math.exp(1 + random.nextDouble() * 5.5));
    String activity = random.nextInt(2) == 0 ? pick(ACTIVITIES) : null;
    return new Company(name, kvk, city, maturity, profile, employees, activity);
  }

  /** An index in 0..n-1, the first ones more often, as sectors and yes/no profiles are spread. */
  private int skewed(int n) {
    return Math.min(n - 1, (int) (n * Math.pow(random.nextDouble(), 1.6)));
  }

  private Answer answer(Question question, Company company) {
    if (random.nextInt(100) < 3) {
      return null; // skipped
    }
    return switch (question.type()) {
      case NUMBER -> {
        // students estimate: within a fifth of the real number
        long n = Math.max(1, Math.round(company.employees() * (0.8 + 0.4 * random.nextDouble())));
        if (question.min() != null && question.min().compareTo(BigDecimal.valueOf(1900)) >= 0) {
          // a year (the figures of the last year or the one before), not a count
          n = 2025 - company.employees() % 2;
        }
        String text = Long.toString(n);
        yield new Answer(new BigDecimal(n), text, text, null);
      }
      case TEXT -> {
        if (company.activity() == null) {
          yield null;
        }
        if (question.maxLength() > 0 && question.maxLength() < company.activity().length()) {
          // a short text is a code such as the SBI code: the company's own 5 digits
          String code = Integer.toString(10000 + Math.floorMod(company.name().hashCode(), 90000));
          yield new Answer(code, code, code, null);
        }
        yield new Answer(company.activity(), company.activity(), company.activity(), null);
      }
      case CHOICE -> {
        Option option =
            question.isProfile()
                ? question.option(company.profile().get(question.id())).orElseThrow()
                : choice(question.options(), company.maturity());
        yield new Answer(
            option.id(), label(option), option.id(), question.scored() ? option.points() : null);
      }
      case MULTI -> multi(question, company.maturity());
    };
  }

  private Option choice(List<Option> options, double maturity) {
    Option unknown = options.stream().filter(Option::unknown).findFirst().orElse(null);
    Option na = options.stream().filter(Option::na).findFirst().orElse(null);
    if (unknown != null && random.nextInt(100) < 10) {
      return unknown;
    }
    if (na != null && random.nextInt(100) < 3) {
      return na;
    }
    List<Option> scored = options.stream().filter(o -> o.points() != null).toList();
    BigDecimal max = scored.stream().map(Option::points).reduce(BigDecimal.ZERO, BigDecimal::max);
    double target = maturity + (random.nextDouble() - 0.5) * 0.5;
    Option best = scored.get(0);
    double distance = Double.MAX_VALUE;
    for (Option option : scored) {
      double d = Math.abs(option.points().doubleValue() / max.doubleValue() - target);
      if (d < distance) {
        distance = d;
        best = option;
      }
    }
    return best;
  }

  private Answer multi(Question question, double maturity) {
    Option unknown = null;
    Option none = null;
    List<Option> selected = new ArrayList<>();
    for (Option option : question.options()) {
      if (option.unknown()) {
        unknown = option;
      } else if (option.isExclusive()) {
        none = option;
      } else if (random.nextDouble() < maturity * 0.9) {
        selected.add(option);
      }
    }
    if (unknown != null && random.nextInt(100) < 8) {
      selected = List.of(unknown);
    } else if (selected.isEmpty()) {
      if (none == null) {
        return null;
      }
      selected = List.of(none);
    }
    BigDecimal points = BigDecimal.ZERO;
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Option option : selected) {
      ids.add(option.id());
      labels.add(label(option));
      points = option.points() == null || points == null ? null : points.add(option.points());
    }
    if (points != null) {
      points = points.min(question.maximum());
    }
    return new Answer(
        ids, String.join("|", labels), String.join("|", ids), question.scored() ? points : null);
  }

  /** The Dutch label, now and then typed in lower case as students do. */
  private String label(Option option) {
    String label = option.label().in("nl", scan.defaultLanguage());
    return random.nextInt(20) == 0 ? label.toLowerCase(Locale.ROOT) : label;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** One record with {@code ;} between cells, quoted where RFC 4180 needs it, CRLF at the end. */
  static String line(List<String> cells) {
    return line(cells, ';');
  }

  static String line(List<String> cells, char delimiter) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(delimiter);
      }
      String cell = cells.get(i);
      if (cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        line.append(cell);
      }
    }
    return line.append("\r\n").toString();
  }
}

package nl.mvoscan.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import nl.mvoscan.scan.Scan;
import nl.mvoscan.scan.Theme;
import nl.mvoscan.scoring.Rational;

/**
 * Figures across the schools of a regional network, with small cells suppressed: a group of fewer
 * than {@link Limits#minResponses} responses, or a sector group from fewer than {@link
 * Limits#minSchools} schools, is counted but never shown, so that no figure points at one student
 * or one school's few interns. Schools are not ranked: {@link #bySchool} gives the network's median
 * and quartiles over the schools' means, and one school's own figures beside them when asked.
 *
 * <p>Every figure is the one {@link Aggregator} computes; this class only decides what is shown. It
 * is fed one response at a time with only its stored overall and theme figures ({@link
 * ResponseScores}), so a network of any size is read in one pass without holding its responses.
 */
public final class NetworkFigures {

  /** The suppression limits; the defaults are 5 responses and 3 schools. */
  public record Limits(int minResponses, int minSchools) {
    public static final Limits DEFAULT = new Limits(5, 3);

    public Limits {
      if (minResponses < 1 || minSchools < 1) {
        throw new IllegalArgumentException("limits must be at least 1");
      }
    }
  }

  /** Why a group's figures are not shown. */
  public enum Suppressed {
    /** fewer responses than {@link Limits#minResponses} */
    RESPONSES,
    /** a sector from fewer schools than {@link Limits#minSchools} */
    SCHOOLS
  }

  /**
   * One group: its size always, its figures only when {@code suppressed} is {@code null}.
   *
   * @param figures the group's overall and theme figures from {@link Aggregator#scores}; {@code
   *     null} when suppressed
   */
  public record Group(
      String key, String label, int n, int schools, Suppressed suppressed, Scores.Group figures) {}

  /** The groups of one scan hash. */
  public record Pool(Scan scan, int n, int schools, List<Group> groups) {}

  /** {@code aggregate --by sector|school-year|all} on the network. */
  public record Network(Grouping by, int n, int schools, Limits limits, List<Pool> pools) {}

  /**
   * A figure over the schools: the distribution of the schools' means (median and quartiles), and
   * the asked-for school's own mean beside it. {@code network} is {@code null} when fewer than
   * {@link Limits#minSchools} schools have enough responses; {@code own} is {@code null} when no
   * school was asked for or it has fewer than {@link Limits#minResponses}.
   */
  public record Comparison(String id, Statistics network, Rational own) {}

  /**
   * {@code aggregate --by school}: per scan, the overall score and each theme.
   *
   * @param schools how many schools the pool has responses from
   * @param counted how many of them have at least {@link Limits#minResponses} responses
   * @param ownN the asked-for school's responses in this pool (0 when none was asked for)
   */
  public record SchoolPool(
      Scan scan,
      int n,
      int schools,
      int counted,
      int ownN,
      Comparison overall,
      List<Comparison> themes) {}

  public record Schools(int n, int schools, Limits limits, String school, List<SchoolPool> pools) {}

  private NetworkFigures() {}

  /**
   * The network's figures by {@code by}, fed one response at a time in id order: only the overall
   * and theme figures of the whole network's groups and of each school's, never the responses.
   *
   * @param scans the scan of every hash that occurs in the responses
   */
  public static GroupsAccumulator of(Map<String, Scan> scans, Grouping by, String language) {
    return new GroupsAccumulator(scans, by, language);
  }

  /** See {@link #of}. */
  public static final class GroupsAccumulator implements Consumer<ResponseScores> {
    private final Map<String, Scan> scans;
    private final Grouping by;
    private final String language;
    private final Aggregator.ScoreAccumulator all;
    // which schools each group draws from: the same grouping over each school's own responses
    private final Map<String, Aggregator.ScoreAccumulator> perSchool = new TreeMap<>();

    private GroupsAccumulator(Map<String, Scan> scans, Grouping by, String language) {
      this.scans = scans;
      this.by = by;
      this.language = language;
      this.all = Aggregator.scores(scans, by, language);
    }

    @Override
    public void accept(ResponseScores response) {
      all.accept(response);
      if (response.school() != null) {
        perSchool
            .computeIfAbsent(response.school(), s -> Aggregator.scores(scans, by, language))
            .accept(response);
      }
    }

    /** The groups with their figures, small ones suppressed by {@code limits}. */
    public Network finish(Limits limits) {
      Map<String, Set<String>> schoolsOf = new HashMap<>();
      for (Map.Entry<String, Aggregator.ScoreAccumulator> school : perSchool.entrySet()) {
        for (Scores.Pool pool : school.getValue().finish().pools()) {
          for (Scores.Group group : pool.groups()) {
            schoolsOf
                .computeIfAbsent(cell(pool.scan(), group.key()), k -> new HashSet<>())
                .add(school.getKey());
          }
        }
      }
      Scores scores = all.finish();
      List<Pool> pools = new ArrayList<>();
      for (Scores.Pool pool : scores.pools()) {
        List<Group> groups = new ArrayList<>();
        Set<String> poolSchools = new HashSet<>();
        for (Scores.Group group : pool.groups()) {
          Set<String> schools = schoolsOf.getOrDefault(cell(pool.scan(), group.key()), Set.of());
          poolSchools.addAll(schools);
          Suppressed suppressed =
              group.n() < limits.minResponses()
                  ? Suppressed.RESPONSES
                  : by == Grouping.SECTOR && schools.size() < limits.minSchools()
                      ? Suppressed.SCHOOLS
                      : null;
          groups.add(
              new Group(
                  group.key(),
                  group.label(),
                  group.n(),
                  schools.size(),
                  suppressed,
                  suppressed == null ? group : null));
        }
        pools.add(new Pool(pool.scan(), pool.n(), poolSchools.size(), List.copyOf(groups)));
      }
      return new Network(by, scores.n(), perSchool.size(), limits, List.copyOf(pools));
    }
  }

  /**
   * The schools beside each other without ranking them, fed one response at a time: per scan, the
   * median and quartiles of the schools' mean overall score and theme scores, and one school's own
   * means.
   *
   * @param scans the scan of every hash that occurs in the responses
   */
  public static SchoolsAccumulator bySchool(Map<String, Scan> scans, String language) {
    return new SchoolsAccumulator(scans, language);
  }

  /** See {@link #bySchool}. */
  public static final class SchoolsAccumulator implements Consumer<ResponseScores> {
    private final Map<String, Scan> scans;
    private final String language;
    private final Aggregator.ScoreAccumulator all;
    private final Map<String, Aggregator.ScoreAccumulator> perSchool = new TreeMap<>();

    private SchoolsAccumulator(Map<String, Scan> scans, String language) {
      this.scans = scans;
      this.language = language;
      this.all = Aggregator.scores(scans, Grouping.ALL, language);
    }

    @Override
    public void accept(ResponseScores response) {
      all.accept(response);
      if (response.school() != null) {
        perSchool
            .computeIfAbsent(
                response.school(), s -> Aggregator.scores(scans, Grouping.ALL, language))
            .accept(response);
      }
    }

    /**
     * @param school the school whose own means stand beside the network's, {@code null} for none
     */
    public Schools finish(String school, Limits limits) {
      // per scan hash: each school's whole-group figures
      Map<String, Map<String, Scores.Group>> figures = new LinkedHashMap<>();
      Map<String, Scan> poolScans = new LinkedHashMap<>();
      Map<String, Integer> poolN = new HashMap<>();
      Scores scores = all.finish();
      for (Scores.Pool pool : scores.pools()) {
        poolScans.put(pool.scan().hash(), pool.scan());
        poolN.put(pool.scan().hash(), pool.n());
        figures.put(pool.scan().hash(), new TreeMap<>());
      }
      for (Map.Entry<String, Aggregator.ScoreAccumulator> entry : perSchool.entrySet()) {
        for (Scores.Pool pool : entry.getValue().finish().pools()) {
          figures.get(pool.scan().hash()).put(entry.getKey(), pool.groups().get(0));
        }
      }
      List<SchoolPool> pools = new ArrayList<>();
      for (Map.Entry<String, Map<String, Scores.Group>> entry : figures.entrySet()) {
        Scan scan = poolScans.get(entry.getKey());
        Map<String, Scores.Group> counted = new TreeMap<>();
        entry
            .getValue()
            .forEach(
                (name, g) -> {
                  if (g.n() >= limits.minResponses()) {
                    counted.put(name, g);
                  }
                });
        Scores.Group own = school == null ? null : entry.getValue().get(school);
        boolean showOwn = own != null && own.n() >= limits.minResponses();
        boolean showNetwork = counted.size() >= limits.minSchools();
        List<Rational> overall = new ArrayList<>();
        counted.values().forEach(g -> add(overall, g.overall().statistics().mean()));
        List<Comparison> themes = new ArrayList<>();
        List<Theme> counting = scan.themes().stream().filter(Theme::counts).toList();
        for (int i = 0; i < counting.size(); i++) {
          Theme theme = counting.get(i);
          List<Rational> means = new ArrayList<>();
          for (Scores.Group g : counted.values()) {
            add(means, themeMean(g, theme));
          }
          themes.add(
              new Comparison(
                  theme.id(),
                  showNetwork ? Statistics.of(means) : null,
                  showOwn ? themeMean(own, theme) : null));
        }
        pools.add(
            new SchoolPool(
                scan,
                poolN.get(entry.getKey()),
                entry.getValue().size(),
                counted.size(),
                own == null ? 0 : own.n(),
                new Comparison(
                    "overall",
                    showNetwork ? Statistics.of(overall) : null,
                    showOwn ? own.overall().statistics().mean() : null),
                List.copyOf(themes)));
      }
      return new Schools(scores.n(), perSchool.size(), limits, school, List.copyOf(pools));
    }
  }

  private static Rational themeMean(Scores.Group group, Theme theme) {
    return group.themes().stream()
        .filter(t -> t.theme().id().equals(theme.id()))
        .map(t -> t.summary().statistics().mean())
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static void add(List<Rational> values, Rational value) {
    if (value != null) {
      values.add(value);
    }
  }

  private static String cell(Scan scan, String key) {
    return scan.hash() + "\u0000" + key;
  }
}

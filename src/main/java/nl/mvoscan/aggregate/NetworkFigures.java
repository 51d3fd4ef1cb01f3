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
 * <p>Every figure is the one {@link Aggregator} computes; this class only decides what is shown.
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
   * @param figures the group's figures from {@link Aggregator}; {@code null} when suppressed
   */
  public record Group(
      String key, String label, int n, int schools, Suppressed suppressed, GroupSummary figures) {}

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
   * The network's figures by {@code by}.
   *
   * @param schoolOf the school of every response, by response id
   */
  public static Network of(
      List<Response> responses,
      Map<String, Scan> scans,
      Map<Long, String> schoolOf,
      Grouping by,
      String language,
      Limits limits) {
    Aggregate all = Aggregator.aggregate(responses, scans, by, language);
    // which schools each group draws from: the same grouping over each school's own responses
    Map<String, Set<String>> schoolsOf = new HashMap<>();
    for (Map.Entry<String, List<Response>> school : bySchool(responses, schoolOf).entrySet()) {
      Aggregate own = Aggregator.aggregate(school.getValue(), scans, by, language);
      for (Aggregate.Pool pool : own.pools()) {
        for (GroupSummary group : pool.groups()) {
          schoolsOf
              .computeIfAbsent(cell(pool.scan(), group.key()), k -> new HashSet<>())
              .add(school.getKey());
        }
      }
    }
    List<Pool> pools = new ArrayList<>();
    for (Aggregate.Pool pool : all.pools()) {
      List<Group> groups = new ArrayList<>();
      Set<String> poolSchools = new HashSet<>();
      for (GroupSummary group : pool.groups()) {
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
    return new Network(
        by,
        all.n(),
        new HashSet<>(schoolOf(responses, schoolOf)).size(),
        limits,
        List.copyOf(pools));
  }

  /**
   * The schools beside each other without ranking them: per scan, the median and quartiles of the
   * schools' mean overall score and theme scores, and {@code school}'s own means ({@code null} for
   * none).
   */
  public static Schools bySchool(
      List<Response> responses,
      Map<String, Scan> scans,
      Map<Long, String> schoolOf,
      String school,
      String language,
      Limits limits) {
    Map<String, List<Response>> perSchool = bySchool(responses, schoolOf);
    // per scan hash: each school's whole-group figures
    Map<String, Map<String, GroupSummary>> figures = new LinkedHashMap<>();
    Map<String, Scan> poolScans = new LinkedHashMap<>();
    Map<String, Integer> poolN = new HashMap<>();
    for (Aggregate.Pool pool :
        Aggregator.aggregate(responses, scans, Grouping.ALL, language).pools()) {
      poolScans.put(pool.scan().hash(), pool.scan());
      poolN.put(pool.scan().hash(), pool.n());
      figures.put(pool.scan().hash(), new TreeMap<>());
    }
    for (Map.Entry<String, List<Response>> entry : perSchool.entrySet()) {
      for (Aggregate.Pool pool :
          Aggregator.aggregate(entry.getValue(), scans, Grouping.ALL, language).pools()) {
        figures.get(pool.scan().hash()).put(entry.getKey(), pool.groups().get(0));
      }
    }
    List<SchoolPool> pools = new ArrayList<>();
    for (Map.Entry<String, Map<String, GroupSummary>> entry : figures.entrySet()) {
      Scan scan = poolScans.get(entry.getKey());
      Map<String, GroupSummary> counted = new TreeMap<>();
      entry
          .getValue()
          .forEach(
              (name, g) -> {
                if (g.n() >= limits.minResponses()) {
                  counted.put(name, g);
                }
              });
      GroupSummary own = school == null ? null : entry.getValue().get(school);
      boolean showOwn = own != null && own.n() >= limits.minResponses();
      boolean showNetwork = counted.size() >= limits.minSchools();
      List<Rational> overall = new ArrayList<>();
      counted.values().forEach(g -> add(overall, g.overall().statistics().mean()));
      List<Comparison> themes = new ArrayList<>();
      List<Theme> counting = scan.themes().stream().filter(Theme::counts).toList();
      for (int i = 0; i < counting.size(); i++) {
        Theme theme = counting.get(i);
        List<Rational> means = new ArrayList<>();
        for (GroupSummary g : counted.values()) {
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
    return new Schools(responses.size(), perSchool.size(), limits, school, List.copyOf(pools));
  }

  private static Rational themeMean(GroupSummary group, Theme theme) {
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

  private static List<String> schoolOf(List<Response> responses, Map<Long, String> schoolOf) {
    List<String> schools = new ArrayList<>();
    for (Response r : responses) {
      String school = schoolOf.get(r.id());
      if (school != null) {
        schools.add(school);
      }
    }
    return schools;
  }

  /** The responses of each school; responses without a school are left out. */
  private static Map<String, List<Response>> bySchool(
      List<Response> responses, Map<Long, String> schoolOf) {
    Map<String, List<Response>> perSchool = new TreeMap<>();
    for (Response r : responses) {
      String school = schoolOf.get(r.id());
      if (school != null) {
        perSchool.computeIfAbsent(school, k -> new ArrayList<>()).add(r);
      }
    }
    return perSchool;
  }
}

package nl.mvoscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.mvoscan.scoring.Reason;
import nl.mvoscan.scoring.ScoreResult;
import nl.mvoscan.scoring.Scorer;
import nl.mvoscan.scoring.Status;
import org.junit.jupiter.api.Test;

/**
 * The content of the bundled scan {@code mvo-stagebedrijf}: what every scored question carries, the
 * R-ladder, and the questions each kind of company gets. The list per sector in {@code
 * docs/sector-questions.md} is generated here; run with {@code -Dmvoscan.writeDocs=true} to rewrite
 * it after changing the scan.
 */
class BundledScanContentTest {

  private static final Scan SCAN =
      ScanLoader.load(Path.of("scans", "mvo-stagebedrijf.json"), Locale.ROOT).scan();
  private static final Path DOC = Path.of("docs", "sector-questions.md");
  private static final Set<String> PUBLIC = Set.of("zorg", "welzijn", "onderwijs", "overheid");
  private static final java.util.regex.Pattern COMPANY_NL =
      java.util.regex.Pattern.compile("(?i)\\b(het bedrijf|bedrijven|klanten?)\\b");
  private static final java.util.regex.Pattern COMPANY_EN =
      java.util.regex.Pattern.compile("(?i)\\b(the company|companies|customers?)\\b");
  private static final java.util.regex.Pattern PUBLIC_NL =
      java.util.regex.Pattern.compile("(?i)\\b(de organisatie|organisaties|cliënten|cliënt)\\b");
  private static final java.util.regex.Pattern PUBLIC_EN =
      java.util.regex.Pattern.compile("(?i)\\b(the organisation|organisations)\\b");

  /**
   * A typical company or organisation of one sector, as a student would describe it in the profile,
   * with the questions of its own that it must get and questions that mean nothing for it.
   */
  record Profile(
      String name,
      String sector,
      int employees,
      String ownBuilding,
      List<String> products,
      List<String> farming,
      String vehicles,
      String hazardous,
      String young,
      List<String> own,
      List<String> meaningless) {}

  static final List<Profile> PROFILES =
      List.of(
          new Profile(
              "Productie: meubelmakerij, 25 medewerkers",
              "productie",
              25,
              "ja",
              List.of("maakt"),
              List.of(),
              "ja",
              "ja",
              "nee",
              List.of(
                  "proces_energie",
                  "productie_uitval",
                  "productontwerp",
                  "onderdelen_oogsten",
                  "product_als_dienst"),
              List.of("voedselverspilling", "energielabel_c", "vloot", "stikstof", "digitaal")),
          new Profile(
              "Productie: bakkerij, 6 medewerkers",
              "productie",
              6,
              "ja",
              List.of("eten"),
              List.of(),
              "ja",
              "nee",
              "ja",
              List.of("voedselverspilling", "voedseloverschot", "koudemiddelen", "vergisten"),
              List.of(
                  "productontwerp",
                  "product_als_dienst",
                  "energielabel_c",
                  "green_team",
                  "gereviseerd",
                  "productie_uitval")),
          new Profile(
              "Bouw en installatie: installatiebedrijf, 35 medewerkers",
              "bouw",
              35,
              "ja",
              List.of("verkoopt"),
              List.of(),
              "ja",
              "ja",
              "ja",
              List.of(
                  "bouw_hergebruik",
                  "bouwafval",
                  "losmaakbaar",
                  "emissieloos_bouwen",
                  "productie_uitval"),
              List.of("voedselverspilling", "vloot", "energielabel_c", "klokkenluiders")),
          new Profile(
              "Handel: supermarkt, 95 medewerkers",
              "handel",
              95,
              "nee",
              List.of("eten", "verkoopt"),
              List.of(),
              "nee",
              "nee",
              "ja",
              List.of(
                  "voedselverspilling",
                  "voedseloverschot",
                  "koudemiddelen",
                  "afhaal_verpakking",
                  "lokaal_seizoen"),
              List.of(
                  "product_als_dienst",
                  "productontwerp",
                  "gebouw_verduurzamen",
                  "wagenpark",
                  "gereviseerd",
                  "reststromen_product")),
          new Profile(
              "Handel: autobedrijf, 14 medewerkers",
              "handel",
              14,
              "ja",
              List.of("verkoopt"),
              List.of(),
              "ja",
              "ja",
              "nee",
              List.of("terugname", "product_als_dienst", "gereviseerd", "onderhoud", "ze_zones"),
              List.of("voedselverspilling", "koudemiddelen", "productontwerp", "digitaal")),
          new Profile(
              "Horeca: restaurant, 22 medewerkers",
              "horeca",
              22,
              "nee",
              List.of("eten"),
              List.of(),
              "nee",
              "nee",
              "ja",
              List.of(
                  "voedselverspilling",
                  "voedseloverschot",
                  "koudemiddelen",
                  "afhaal_verpakking",
                  "plantaardig",
                  "lokaal_seizoen"),
              List.of("productontwerp", "terugname", "energielabel_c", "wagenpark", "vloot")),
          new Profile(
              "Transport en logistiek: vervoerder, 60 medewerkers",
              "transport",
              60,
              "ja",
              List.of("diensten"),
              List.of(),
              "ja",
              "ja",
              "nee",
              List.of("vloot", "zuinig_rijden", "lege_km", "ze_zones", "rusttijden"),
              List.of("wagenpark", "voedselverspilling", "productontwerp", "energielabel_c")),
          new Profile(
              "Landbouw: melkveebedrijf, 4 medewerkers",
              "agrarisch",
              4,
              "ja",
              List.of("eten"),
              List.of("dieren", "teelt"),
              "ja",
              "ja",
              "ja",
              List.of("stikstof", "mest", "dierenwelzijn", "gewasbescherming", "mestvergisting"),
              List.of(
                  "voedselverspilling",
                  "vergisten",
                  "voedseloverschot",
                  "afhaal_verpakking",
                  "groen_machines")),
          new Profile(
              "Groen: hoveniersbedrijf, 9 medewerkers",
              "agrarisch",
              9,
              "ja",
              List.of("diensten"),
              List.of("groen"),
              "ja",
              "ja",
              "nee",
              List.of("gewasbescherming", "groen_machines", "tuinadvies"),
              List.of(
                  "stikstof",
                  "mest",
                  "dierenwelzijn",
                  "mestvergisting",
                  "productontwerp",
                  "proces_energie",
                  "gereviseerd",
                  "reststromen_product")),
          new Profile(
              "Kantoor en ICT: softwarebedrijf, 18 medewerkers",
              "kantoor",
              18,
              "nee",
              List.of("diensten"),
              List.of(),
              "nee",
              "nee",
              "nee",
              List.of("energielabel_c", "digitaal", "hardware_levensduur", "hardware_hergebruik"),
              List.of(
                  "proces_energie",
                  "productie_uitval",
                  "productveiligheid",
                  "wagenpark",
                  "onderhoud",
                  "gereviseerd",
                  "milieuschade",
                  "jongeren_regels")),
          new Profile(
              "Kapper: kapsalon, 4 medewerkers",
              "kappers",
              4,
              "nee",
              List.of("verkoopt"),
              List.of(),
              "nee",
              "ja",
              "ja",
              List.of("kapper_chemie", "kapper_water", "kapper_afval", "kapper_producten"),
              List.of("product_als_dienst", "terugname", "gereviseerd", "onderhoud")),
          new Profile(
              "Schoonmaak: schoonmaakbedrijf, 120 medewerkers",
              "schoonmaak",
              120,
              "nee",
              List.of("diensten"),
              List.of(),
              "ja",
              "ja",
              "ja",
              List.of("schoonmaakmiddelen", "schoonmaak_methode", "dagschoonmaak"),
              List.of("proces_energie", "productontwerp", "voedselverspilling")),
          new Profile(
              "Zorg: woonzorgcentrum, 80 medewerkers",
              "zorg",
              80,
              "ja",
              List.of("eten"),
              List.of(),
              "ja",
              "nee",
              "ja",
              List.of("medicijnresten", "zorgafval", "zorg_herbruikbaar", "green_deal_zorg"),
              List.of(
                  "reststromen_product",
                  "voedseloverschot",
                  "koudemiddelen",
                  "terugname",
                  "productveiligheid")),
          new Profile(
              "Welzijn: kinderopvang, 30 medewerkers",
              "welzijn",
              30,
              "nee",
              List.of("eten"),
              List.of(),
              "nee",
              "nee",
              "ja",
              List.of(),
              List.of(
                  "medicijnresten",
                  "zorgafval",
                  "koudemiddelen",
                  "energielabel_c",
                  "reststromen_product",
                  "productveiligheid",
                  "proces_energie")),
          new Profile(
              "Onderwijs: mbo-school, 150 medewerkers",
              "onderwijs",
              150,
              "ja",
              List.of("eten"),
              List.of(),
              "nee",
              "nee",
              "ja",
              List.of(
                  "duurzaam_onderwijs", "leerlingen_betrekken", "binnenklimaat", "gezonde_kantine"),
              List.of("reststromen_product", "koudemiddelen", "productontwerp", "terugname")),
          new Profile(
              "Overheid: gemeente, 400 medewerkers",
              "overheid",
              400,
              "ja",
              List.of("diensten"),
              List.of(),
              "ja",
              "nee",
              "nee",
              List.of(
                  "mvi", "digitale_toegankelijkheid", "inwoners_participatie", "energielabel_c"),
              List.of("leveranciers_eisen", "ze_zones", "proces_energie", "productveiligheid")),
          new Profile(
              "Iets anders: sportschool, 8 medewerkers",
              "anders",
              8,
              "nee",
              List.of("diensten"),
              List.of(),
              "nee",
              "nee",
              "ja",
              List.of(),
              List.of("energielabel_c", "proces_energie", "vloot", "digitaal", "medicijnresten")));

  static Map<String, Answers.Answer> answers(Profile p) {
    Map<String, Answers.Answer> answers = new LinkedHashMap<>();
    put(answers, "sector", AnswerValue.choice(p.sector()));
    put(answers, "vestiging", AnswerValue.choice("zelfstandig"));
    put(answers, "medewerkers", AnswerValue.number(BigDecimal.valueOf(p.employees())));
    put(answers, "jongeren", AnswerValue.choice(p.young()));
    put(answers, "eigen_pand", AnswerValue.choice(p.ownBuilding()));
    put(answers, "producten", AnswerValue.multi(p.products()));
    if (!p.farming().isEmpty()) {
      put(answers, "agrarisch_werk", AnswerValue.multi(p.farming()));
    }
    put(answers, "voertuigen", AnswerValue.choice(p.vehicles()));
    put(answers, "gevaarlijke_stoffen", AnswerValue.choice(p.hazardous()));
    return answers;
  }

  private static void put(Map<String, Answers.Answer> answers, String id, AnswerValue value) {
    answers.put(id, new Answers.Answer(id, value, null, null));
  }

  static List<Question> visibleScored(Profile p) {
    return Interview.start(SCAN, "nl", answers(p)).visibleQuestions().stream()
        .filter(Question::scored)
        .toList();
  }

  /** The id a reader knows a question by: a public organisation's variant ends in _org. */
  static String base(String id) {
    return id.endsWith("_org") ? id.substring(0, id.length() - 4) : id;
  }

  private static List<String> bases(List<Question> questions) {
    return questions.stream().map(q -> base(q.id())).toList();
  }

  @Test
  void everyScoredQuestionHasHelpAdviceIsoAndSdgTagsAndAdvicePerStepBelowTheTop() {
    List<String> problems = new ArrayList<>();
    for (Question q : SCAN.scoredQuestions()) {
      if (q.help() == null || !SCAN.languages().stream().allMatch(q.help()::has)) {
        problems.add(q.id() + ": no help in every language of the scan");
      }
      if (q.advice() == null || !SCAN.languages().stream().allMatch(q.advice()::has)) {
        problems.add(q.id() + ": no advice in every language of the scan");
      }
      if (!q.tags().containsKey("iso26000") || !q.tags().containsKey("sdg")) {
        problems.add(q.id() + ": no iso26000 or sdg tag");
      }
      Set<BigDecimal> steps =
          q.options().stream()
              .map(Option::points)
              .filter(p -> p != null)
              .map(BigDecimal::stripTrailingZeros)
              .collect(Collectors.toSet());
      for (Option option : q.options()) {
        boolean earns = option.points() != null && option.points().signum() > 0;
        boolean belowTop = option.points() != null && option.points().compareTo(q.maximum()) < 0;
        if (option.advice() != null && !SCAN.languages().stream().allMatch(option.advice()::has)) {
          problems.add(q.id() + "/" + option.id() + ": advice not in every language of the scan");
        }
        if (q.type() == QuestionType.MULTI && earns && option.advice() == null) {
          problems.add(
              q.id() + "/" + option.id() + ": a multi option that earns points has no advice");
        }
        if (q.type() == QuestionType.CHOICE
            && steps.size() > 2
            && belowTop
            && option.advice() == null) {
          problems.add(q.id() + "/" + option.id() + ": a step below the top has no advice");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** A question's real weight: its weight times its maximum, what it counts for in its theme. */
  static BigDecimal realWeight(Question q) {
    return q.weight().multiply(q.maximum()).stripTrailingZeros();
  }

  /** Real weight → the questions (by the id a reader knows them) that have it, heaviest first. */
  static Map<BigDecimal, Set<String>> realWeights() {
    Map<BigDecimal, Set<String>> weights = new TreeMap<>(java.util.Comparator.reverseOrder());
    for (Question q : SCAN.scoredQuestions()) {
      weights.computeIfAbsent(realWeight(q), w -> new LinkedHashSet<>()).add(base(q.id()));
    }
    return weights;
  }

  @Test
  void everyRealWeightIsOnTheScaleTheAuthoringGuideExplains() {
    // docs/scan-authoring.md: 12 a sector's core topic, 9 material, 6 ordinary, 4 the filing
    Map<BigDecimal, Set<String>> weights = realWeights();
    assertThat(weights.keySet().stream().map(BigDecimal::toPlainString))
        .containsExactly("12", "9", "6", "4");
    assertThat(weights.get(new BigDecimal("12")))
        .containsExactlyInAnyOrder("veiligheid", "vloot", "voedselverspilling", "stikstof");
    assertThat(weights.get(new BigDecimal("4"))).containsExactly("informatieplicht");
    // every theme weighs the same, so no theme outweighs an ISO 26000 core subject
    assertThat(SCAN.themes()).allMatch(t -> t.weight().compareTo(BigDecimal.ONE) == 0);
  }

  @Test
  void theOrganisationVariantOfAQuestionCountsExactlyAsTheCompanyOne() {
    // the docs promise that themes and lenses can add the two wordings up
    List<Question> variants =
        SCAN.scoredQuestions().stream().filter(q -> q.id().endsWith("_org")).toList();
    assertThat(variants).isNotEmpty();
    for (Question org : variants) {
      Question company = SCAN.question(base(org.id())).orElseThrow();
      assertThat(org.themeId()).as(org.id()).isEqualTo(company.themeId());
      assertThat(org.type()).as(org.id()).isEqualTo(company.type());
      assertThat(realWeight(org)).as(org.id()).isEqualTo(realWeight(company));
      assertThat(org.tags()).as(org.id()).isEqualTo(company.tags());
      assertThat(org.options().stream().map(o -> o.id() + "=" + o.points() + "/" + o.na()))
          .as(org.id())
          .containsExactlyElementsOf(
              company.options().stream()
                  .map(o -> o.id() + "=" + o.points() + "/" + o.na())
                  .toList());
      // never both for one respondent: the same condition, the public sectors in or out
      String publicSectors = "sector in ['zorg', 'welzijn', 'onderwijs', 'overheid']";
      assertThat(company.when().source()).as(company.id()).contains("not " + publicSectors);
      assertThat(org.when().source())
          .as(org.id())
          .isEqualTo(company.when().source().replace("not " + publicSectors, publicSectors));
    }
  }

  @Test
  void everyStepOfTheRLadderRestsOnAtLeastTwoQuestions() {
    Map<String, Set<String>> steps = rLadder();
    for (int i = 0; i <= 9; i++) {
      assertThat(steps.getOrDefault("R" + i, Set.of())).as("R%d", i).hasSizeGreaterThanOrEqualTo(2);
    }
    assertThat(steps.keySet()).allMatch(s -> s.matches("R[0-9]"));
  }

  @Test
  void wasteSeparationIsRecyclingNotRecovery() {
    assertThat(SCAN.question("afvalstromen").orElseThrow().tags().get("rladder"))
        .containsExactly("R8");
    assertThat(rLadder().get("R9")).containsExactlyInAnyOrder("vergisten", "mestvergisting");
  }

  /** R-step → the questions (by the id a reader knows them) that carry it, in document order. */
  static Map<String, Set<String>> rLadder() {
    Map<String, Set<String>> steps = new TreeMap<>();
    for (Question q : SCAN.scoredQuestions()) {
      for (String step : q.tags().getOrDefault("rladder", List.of())) {
        steps.computeIfAbsent(step, s -> new LinkedHashSet<>()).add(base(q.id()));
      }
    }
    return steps;
  }

  @Test
  void theTopicsTheLawSetsAreTaggedLaw() {
    Map<String, List<String>> law = new LinkedHashMap<>();
    for (Question q : SCAN.scoredQuestions()) {
      for (String topic : q.tags().getOrDefault("law", List.of())) {
        law.computeIfAbsent(topic, t -> new ArrayList<>()).add(base(q.id()));
      }
    }
    assertThat(law)
        .containsKeys(
            "energiebesparingsplicht",
            "informatieplicht",
            "energielabel-c",
            "rie",
            "klokkenluiders",
            "jongeren",
            "stagiairs",
            "ongevallen");
    assertThat(law.get("klokkenluiders")).containsOnly("klokkenluiders");
    assertThat(SCAN.question("klokkenluiders").orElseThrow().when().source())
        .startsWith("(medewerkers >= 50)");
  }

  @Test
  void aCodeOfConductIsNoVsmeB11AndStakeholderDialogueNoSdg17() {
    assertThat(SCAN.question("gedragscode").orElseThrow().tags().get("vsme")).doesNotContain("B11");
    assertThat(SCAN.question("stakeholders").orElseThrow().tags().get("sdg")).doesNotContain("17");
    Set<String> sdgs =
        SCAN.scoredQuestions().stream()
            .flatMap(q -> q.tags().getOrDefault("sdg", List.of()).stream())
            .collect(Collectors.toSet());
    assertThat(sdgs).contains("2", "9", "14");
    Set<String> vsme =
        SCAN.questions().stream()
            .flatMap(q -> q.tags().getOrDefault("vsme", List.of()).stream())
            .collect(Collectors.toSet());
    assertThat(vsme).allMatch(v -> v.matches("B([1-9]|1[01])"));
  }

  @Test
  void theKeyFiguresAreAnUnscoredBlockOfNumbers() {
    Theme figures = SCAN.theme("kerncijfers").orElseThrow();
    assertThat(figures.questions()).allMatch(q -> q.type() == QuestionType.NUMBER && !q.scored());
    assertThat(figures.questions().stream().map(Question::id))
        .contains(
            "kc_stroom",
            "kc_gas",
            "kc_brandstof",
            "kc_afval",
            "kc_ongevallen",
            "kc_water",
            "kc_tijdelijk");
    // the headcount the VSME asks for is the profile's own question
    assertThat(SCAN.question("medewerkers").orElseThrow().tags().get("vsme")).containsExactly("B8");
  }

  @Test
  void notApplicableIsOfferedOnlyWhereTheProfileCannotTell() {
    assertThat(
            SCAN.scoredQuestions().stream()
                .filter(q -> q.options().stream().anyMatch(Option::na))
                .map(q -> base(q.id()))
                .distinct())
        .containsExactlyInAnyOrder(
            "energiebesparingsplicht", "energielabel_c", "ze_zones", "flexwerk", "overlast");
  }

  /** The words of the one scale 2026.1 used for every question. */
  private static final Set<String> GENERIC =
      Set.of(
          "nog niet",
          "gestart",
          "ingevoerd",
          "voorloper",
          "deels",
          "ja",
          "not yet",
          "started",
          "in place",
          "front-runner",
          "partly",
          "yes");

  @Test
  void everyStepOfAMaturityQuestionSaysWhatItMeansForThatQuestion() {
    // a student must recognise the company in a step, not guess what "gestart" means here
    Set<String> scale = Set.of("gestart", "ingevoerd", "volledig");
    Map<String, Set<String>> usedBy = new TreeMap<>();
    List<Question> maturity =
        SCAN.scoredQuestions().stream()
            .filter(q -> q.options().stream().map(Option::id).toList().containsAll(scale))
            .toList();
    assertThat(maturity).hasSizeGreaterThan(30);
    for (Question q : maturity) {
      for (Option o : q.options()) {
        if (!scale.contains(o.id())) {
          continue;
        }
        for (String language : SCAN.languages()) {
          String label = o.label().in(language, language);
          assertThat(label.toLowerCase(Locale.ROOT)).as(q.id() + "/" + o.id()).isNotIn(GENERIC);
          usedBy
              .computeIfAbsent(
                  language + ": " + label.toLowerCase(Locale.ROOT), k -> new TreeSet<>())
              .add(base(q.id()));
        }
      }
    }
    assertThat(usedBy).allSatisfy((label, ids) -> assertThat(ids).as(label).hasSize(1));
  }

  @Test
  void theTopAnswerOfAMaturityQuestionIsNoLongerCalledVoorloper() {
    assertThat(SCAN.scoredQuestions())
        .allSatisfy(
            q ->
                assertThat(q.options())
                    .noneMatch(o -> o.label().in("nl", "nl").equalsIgnoreCase("Voorloper")));
  }

  @Test
  void eachSectorGetsItsOwnQuestionsAndNoneThatMeanNothingForIt() {
    for (Profile p : PROFILES) {
      List<String> visible = bases(visibleScored(p));
      assertThat(p.own().stream().filter(id -> !visible.contains(id)).toList())
          .as(p.name() + ": own questions not shown")
          .isEmpty();
      assertThat(p.meaningless().stream().filter(visible::contains).toList())
          .as(p.name() + ": meaningless questions shown")
          .isEmpty();
    }
  }

  @Test
  void publicOrganisationsReadOrganisatieAndCompaniesReadBedrijf() {
    for (Profile p : PROFILES) {
      for (Question q : visibleScored(p)) {
        String nl = q.text().in("nl", "nl");
        String en = q.text().in("en", "nl");
        if (PUBLIC.contains(p.sector())) {
          assertThat(nl).as(p.name() + " " + q.id()).doesNotContainPattern(COMPANY_NL);
          assertThat(en).as(p.name() + " " + q.id()).doesNotContainPattern(COMPANY_EN);
        } else {
          assertThat(nl).as(p.name() + " " + q.id()).doesNotContainPattern(PUBLIC_NL);
          assertThat(en).as(p.name() + " " + q.id()).doesNotContainPattern(PUBLIC_EN);
          assertThat(q.id()).doesNotEndWith("_org");
        }
      }
    }
  }

  @Test
  void aRespondentForWhomEveryNotApplicableIsTrueStillGetsAScore() {
    // N.v.t. on every question that offers it, the top answer elsewhere: maxNa must not bite
    for (Profile p : PROFILES) {
      Map<String, Answers.Answer> given = answers(p);
      for (Question q : visibleScored(p)) {
        Option pick = q.options().stream().filter(Option::na).findFirst().orElseGet(() -> top(q));
        AnswerValue value =
            q.type() == QuestionType.MULTI
                ? AnswerValue.multi(pick.na() ? List.of(pick.id()) : topMulti(q))
                : AnswerValue.choice(pick.id());
        put(given, q.id(), value);
      }
      ScoreResult result =
          Scorer.score(SCAN, new Answers(SCAN.id(), SCAN.version(), null, null, null, "nl", given));
      assertThat(
              result.themes().stream()
                  .filter(t -> t.figures().reason() == Reason.NA)
                  .map(t -> t.theme().id() + " N=" + t.figures().naWeight())
                  .toList())
          .as(p.name())
          .isEmpty();
      assertThat(result.overall().figures().status()).as(p.name()).isEqualTo(Status.SCORED);
      assertThat(result.overall().level().id()).as(p.name()).isEqualTo("koploper");
    }
  }

  private static Option top(Question q) {
    return q.options().stream()
        .filter(o -> o.points() != null)
        .max((a, b) -> a.points().compareTo(b.points()))
        .orElseThrow();
  }

  private static List<String> topMulti(Question q) {
    return q.options().stream()
        .filter(o -> o.points() != null && o.points().signum() > 0)
        .map(Option::id)
        .toList();
  }

  @Test
  void theListOfQuestionsPerSectorInTheDocsIsTheScansOwn() throws IOException {
    String generated = sectorDoc();
    if (Boolean.getBoolean("mvoscan.writeDocs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as(
            "docs/sector-questions.md is stale: run mvn test -Dtest=BundledScanContentTest"
                + " -Dmvoscan.writeDocs=true")
        .isEqualTo(generated);
  }

  static String sectorDoc() {
    StringBuilder out = new StringBuilder();
    out.append("# Vragen per sector · Questions per sector\n\n")
        .append("<!-- Generated by BundledScanContentTest from scans/mvo-stagebedrijf.json ")
        .append("(version ")
        .append(SCAN.version())
        .append("); do not edit by hand. -->\n\n")
        .append("Welke vragen van de scan `mvo-stagebedrijf` ")
        .append(SCAN.version())
        .append(" een student krijgt voor een typisch bedrijf of een typische organisatie per")
        .append(" sector. Het profiel staat bij elke kop. **Vet** zijn de vragen van de sector")
        .append(" zelf; het getal tussen haakjes is het echte gewicht van de vraag (gewicht ×")
        .append(" maximum, zie [`scan-authoring.md`](scan-authoring.md)); *wet* betekent dat het")
        .append(" onderwerp in de wet staat; R0–R9 is de trede van de R-ladder. Zorg, welzijn,")
        .append(
            " onderwijs en overheid lezen 'de organisatie' en 'cliënten': hun vragen hebben een")
        .append(" id die eindigt op `_org`.\n\n")
        .append("Which questions of the scan a student gets for a typical company or organisation")
        .append(" of each sector, with the profile under each heading. **Bold**: the sector's own")
        .append(
            " questions; the number in brackets: the question's real weight (weight × maximum);")
        .append(" *wet*: a topic set by law; R0–R9: the step of the R-ladder. Care, welfare,")
        .append(" education and government read 'the organisation' and 'clients': their questions")
        .append(" have an id ending in `_org`.\n\n");
    out.append("| sector | ")
        .append(
            SCAN.themes().stream()
                .filter(t -> t.questions().stream().anyMatch(Question::scored))
                .map(t -> t.title().in("nl", "nl"))
                .collect(Collectors.joining(" | ")))
        .append(" | totaal |\n|---|")
        .append(
            "---|"
                .repeat(
                    (int)
                        SCAN.themes().stream()
                            .filter(t -> t.questions().stream().anyMatch(Question::scored))
                            .count()))
        .append("---|\n");
    for (Profile p : PROFILES) {
      List<Question> visible = visibleScored(p);
      out.append("| ").append(p.name()).append(" | ");
      for (Theme theme : SCAN.themes()) {
        if (theme.questions().stream().noneMatch(Question::scored)) {
          continue;
        }
        out.append(visible.stream().filter(q -> theme.id().equals(q.themeId())).count())
            .append(" | ");
      }
      out.append(visible.size()).append(" |\n");
    }
    for (Profile p : PROFILES) {
      out.append("\n## ").append(p.name()).append("\n\n");
      out.append("Profiel: `sector` ")
          .append(p.sector())
          .append(", `medewerkers` ")
          .append(p.employees())
          .append(", `eigen_pand` ")
          .append(p.ownBuilding())
          .append(", `producten` ")
          .append(String.join("+", p.products()));
      if (!p.farming().isEmpty()) {
        out.append(", `agrarisch_werk` ").append(String.join("+", p.farming()));
      }
      out.append(", `voertuigen` ")
          .append(p.vehicles())
          .append(", `gevaarlijke_stoffen` ")
          .append(p.hazardous())
          .append(", `jongeren` ")
          .append(p.young())
          .append(".\n");
      List<Question> visible = visibleScored(p);
      out.append("\n").append(materiality(p, visible)).append("\n");
      for (Theme theme : SCAN.themes()) {
        List<Question> in = visible.stream().filter(q -> theme.id().equals(q.themeId())).toList();
        if (in.isEmpty()) {
          continue;
        }
        out.append("\n**").append(theme.title().in("nl", "nl")).append("**\n\n");
        for (Question q : in) {
          String text = q.text().in("nl", "nl");
          boolean own = p.own().contains(base(q.id()));
          out.append("- `").append(q.id()).append("` ").append(own ? "**" + text + "**" : text);
          List<String> marks = new ArrayList<>();
          marks.add(realWeight(q).toPlainString().replace('.', ','));
          if (q.tags().containsKey("law")) {
            marks.add("*wet*");
          }
          marks.addAll(q.tags().getOrDefault("rladder", List.of()));
          if (!marks.isEmpty()) {
            out.append(" (").append(String.join(", ", marks)).append(")");
          }
          out.append("\n");
        }
      }
    }
    out.append("\n## R-ladder\n\n| trede | vragen |\n|---|---|\n");
    Map<String, String> names =
        Map.of(
            "R0", "Weigeren",
            "R1", "Heroverwegen",
            "R2", "Verminderen",
            "R3", "Hergebruiken",
            "R4", "Repareren",
            "R5", "Opknappen",
            "R6", "Herproduceren",
            "R7", "Herbestemmen",
            "R8", "Recyclen",
            "R9", "Terugwinnen");
    rLadder()
        .forEach(
            (step, ids) ->
                out.append("| ")
                    .append(step)
                    .append(' ')
                    .append(names.get(step))
                    .append(" | ")
                    .append(
                        ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                    .append(" |\n"));
    out.append("\n## Echt gewicht · Real weight\n\n")
        .append("Het echte gewicht van een vraag is gewicht × maximum: zoveel telt de vraag mee in")
        .append(" haar thema. Waarom een vraag dit gewicht heeft, staat in")
        .append(
            " [`scan-authoring.md`](scan-authoring.md). · A question's real weight is its weight")
        .append(" times its maximum: what it counts for in its theme.\n\n")
        .append("| echt gewicht | vragen |\n|---|---|\n");
    realWeights()
        .forEach(
            (weight, ids) ->
                out.append("| ")
                    .append(weight.toPlainString().replace('.', ','))
                    .append(" | ")
                    .append(
                        ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                    .append(" |\n"));
    out.append("\n## Wettelijk verplicht · Set by law\n\n| onderwerp | vragen |\n|---|---|\n");
    Map<String, Set<String>> law = new LinkedHashMap<>();
    for (Question q : SCAN.scoredQuestions()) {
      for (String topic : q.tags().getOrDefault("law", List.of())) {
        law.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(base(q.id()));
      }
    }
    law.forEach(
        (topic, ids) ->
            out.append("| ")
                .append(topic)
                .append(" | ")
                .append(ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", ")))
                .append(" |\n"));
    return out.toString();
  }

  /**
   * How much of a sector's overall score its own questions carry when everything is answered: per
   * theme their share of the theme's real weight, themes counted by their weight (contract §6).
   */
  private static String materiality(Profile p, List<Question> visible) {
    java.math.MathContext mc = java.math.MathContext.DECIMAL64;
    List<Theme> themes =
        SCAN.themes().stream()
            .filter(t -> visible.stream().anyMatch(q -> t.id().equals(q.themeId())))
            .toList();
    BigDecimal themeWeights =
        themes.stream().map(Theme::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal share = BigDecimal.ZERO;
    List<String> own = new ArrayList<>();
    for (Theme theme : themes) {
      BigDecimal all = BigDecimal.ZERO;
      BigDecimal mine = BigDecimal.ZERO;
      for (Question q : visible) {
        if (theme.id().equals(q.themeId())) {
          all = all.add(realWeight(q));
          if (p.own().contains(base(q.id()))) {
            mine = mine.add(realWeight(q));
            own.add(base(q.id()));
          }
        }
      }
      share = share.add(theme.weight().multiply(mine).divide(all.multiply(themeWeights), mc));
    }
    if (own.isEmpty()) {
      return "Geen eigen vragen: deze sector krijgt de vragen die voor elk bedrijf of elke"
          + " organisatie gelden. · No questions of its own.";
    }
    String percent =
        share
            .multiply(BigDecimal.valueOf(100))
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString();
    return own.size()
        + " eigen vragen, samen goed voor "
        + percent.replace('.', ',')
        + "% van de totaalscore als alles is beantwoord. · "
        + own.size()
        + " questions of its own, carrying "
        + percent
        + "% of the overall score when everything is answered.";
  }

  private static final Scan QUICK =
      ScanLoader.load(Path.of("scans", "circulair-quickscan.json"), Locale.ROOT).scan();

  @Test
  void everyQuestionTextAndOptionLabelCanBeReadBackFromAClassCsv() {
    // a class CSV is matched by question text and option label in any language (contract §7)
    for (Scan scan : List.of(SCAN, QUICK)) {
      for (String language : scan.languages()) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Question q : scan.questions()) {
          String text = q.text().in(language, language).strip().toLowerCase(Locale.ROOT);
          assertThat(texts.put(text, q.id())).as("%s %s: %s", scan.id(), language, q.id()).isNull();
        }
      }
      for (Question q : scan.questions()) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (Option o : q.options()) {
          for (String cell :
              new LinkedHashSet<>(
                  List.of(o.id(), o.label().in("nl", "nl"), o.label().in("en", "nl")))) {
            String key = cell.strip().toLowerCase(Locale.ROOT);
            String before = cells.put(key, o.id());
            assertThat(before == null || before.equals(o.id()))
                .as("%s/%s: %s", q.id(), o.id(), cell)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void theQuickScanHasHelpAdviceTagsAndTheSameStepsAsTheMainScan() {
    List<String> problems = new ArrayList<>();
    for (Question q : QUICK.scoredQuestions()) {
      if (q.help() == null || q.advice() == null) {
        problems.add(q.id() + ": no help or advice");
      }
      if (!q.tags().containsKey("iso26000") || !q.tags().containsKey("sdg")) {
        problems.add(q.id() + ": no iso26000 or sdg tag");
      }
      for (Option o : q.options()) {
        boolean belowTop = o.points() != null && o.points().compareTo(q.maximum()) < 0;
        boolean earns = o.points() != null && o.points().signum() > 0;
        if ((q.type() == QuestionType.CHOICE && belowTop || q.type() == QuestionType.MULTI && earns)
            && o.advice() == null) {
          problems.add(q.id() + "/" + o.id() + ": no advice");
        }
      }
    }
    assertThat(problems).isEmpty();
    Map<String, List<String>> quick = new TreeMap<>();
    for (Question q : QUICK.scoredQuestions()) {
      for (String step : q.tags().getOrDefault("rladder", List.of())) {
        quick.computeIfAbsent(step, k -> new ArrayList<>()).add(q.id());
      }
    }
    assertThat(quick.get("R9")).containsExactly("reststromen-benutten");
    assertThat(QUICK.question("afval-scheiden").orElseThrow().tags().get("rladder"))
        .containsExactly("R8");
    // the same practice, the same step: repair R4, refurbished R5, remanufactured parts R6
    assertThat(QUICK.question("repareren").orElseThrow().tags().get("rladder"))
        .containsExactly("R4");
    assertThat(QUICK.question("refurbished").orElseThrow().tags().get("rladder"))
        .containsExactly("R5");
    assertThat(QUICK.question("onderdelen-hergebruik").orElseThrow().tags().get("rladder"))
        .containsExactly("R6");
    assertThat(SCAN.question("repareren").orElseThrow().tags().get("rladder"))
        .containsExactly("R4");
    assertThat(SCAN.question("refurbished_kopen").orElseThrow().tags().get("rladder"))
        .containsExactly("R5");
    assertThat(SCAN.question("gereviseerd").orElseThrow().tags().get("rladder"))
        .containsExactly("R6");
    assertThat(SCAN.question("vergisten").orElseThrow().tags().get("rladder"))
        .containsExactly("R9");
  }

  /**
   * A theme's level advice is a fixed text (§3.2): it cannot know the answers, so it must name no
   * step that a question of its theme asks, or it would advise a company what it already does. The
   * steps come from the questions' own advice (§8.1). The same holds for a level's advice against
   * every scored question. Both bundled scans, every language.
   */
  @Test
  void noLevelAdviceNamesAStepThatAQuestionAsks() {
    for (String file : List.of("mvo-stagebedrijf.json", "circulair-quickscan.json")) {
      Scan scan = ScanLoader.load(Path.of("scans", file), Locale.ROOT).scan();
      int checked = 0;
      for (String language : scan.languages()) {
        Set<String> all = new java.util.HashSet<>();
        for (Theme theme : scan.themes()) {
          Set<String> asked = new java.util.HashSet<>();
          theme.questions().stream()
              .filter(Question::scored)
              .forEach(q -> asked.addAll(StepWords.asked(q, language, scan.defaultLanguage())));
          all.addAll(asked);
          for (var entry : theme.levelAdvice().entrySet()) {
            String text = entry.getValue().in(language, scan.defaultLanguage());
            assertThat(StepWords.shared(text, asked))
                .as(file + " " + theme.id() + " " + entry.getKey() + " " + language + ": " + text)
                .isEmpty();
            checked++;
          }
        }
        for (Level level : scan.levels()) {
          if (level.advice() != null) {
            String text = level.advice().in(language, scan.defaultLanguage());
            assertThat(StepWords.shared(text, all))
                .as(file + " level " + level.id() + " " + language + ": " + text)
                .isEmpty();
          }
        }
      }
      assertThat(checked).as(file).isPositive();
    }
  }
}

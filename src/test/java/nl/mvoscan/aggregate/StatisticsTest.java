package nl.mvoscan.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import nl.mvoscan.scoring.Rational;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  private static List<Rational> values(String... decimals) {
    return Arrays.stream(decimals).map(d -> Rational.of(new BigDecimal(d))).toList();
  }

  private static String rounded(Rational value) {
    return value == null ? null : value.round(1).toPlainString();
  }

  @Test
  void fiveChosenScoresGiveTheHandComputedFigures() {
    // mean 269/5 = 53.8; sorted 30.2 45 51.5 62.3 80; deviations −23.6 −8.8 −2.3 8.5 26.2;
    // squares 556.96 + 77.44 + 5.29 + 72.25 + 686.44 = 1398.38; /4 = 349.595; √ = 18.697… → 18.7
    Statistics s = Statistics.of(values("62.3", "30.2", "80.0", "45.0", "51.5"));
    assertThat(s.n()).isEqualTo(5);
    assertThat(rounded(s.mean())).isEqualTo("53.8");
    assertThat(rounded(s.median())).isEqualTo("51.5");
    assertThat(rounded(s.p25())).isEqualTo("45.0");
    assertThat(rounded(s.p75())).isEqualTo("62.3");
    assertThat(rounded(s.min())).isEqualTo("30.2");
    assertThat(rounded(s.max())).isEqualTo("80.0");
    assertThat(s.variance()).isEqualTo(Rational.of(new BigDecimal("349.595")));
    assertThat(s.roundedSd(1)).isEqualByComparingTo("18.7");
  }

  @Test
  void evenCountInterpolatesTheMedianAndQuartilesLikeExcelPercentileInc() {
    // sorted 10 20 30 40: median h=1.5 → 25; p25 h=0.75 → 17.5; p75 h=2.25 → 32.5
    // (R: quantile(c(10,20,30,40), c(.25,.5,.75)) = 17.5 25 32.5)
    Statistics s = Statistics.of(values("40", "10", "30", "20"));
    assertThat(s.median()).isEqualTo(Rational.of(new BigDecimal("25")));
    assertThat(s.p25()).isEqualTo(Rational.of(new BigDecimal("17.5")));
    assertThat(s.p75()).isEqualTo(Rational.of(new BigDecimal("32.5")));
  }

  @Test
  void aQuartileEndingInFiveHundredthsRoundsHalfUpFromTheExactValue() {
    // sorted 0 25 75 75 100 100: p75 h=3.75 → 75 + 0.75·25 = 93.75 → 93.8 (a double path gives the
    // same here,
    // the point is that the exact value is kept until output)
    Statistics s = Statistics.of(values("100", "25", "0", "100", "75", "75"));
    assertThat(s.p75()).isEqualTo(Rational.of(new BigDecimal("93.75")));
    assertThat(rounded(s.p75())).isEqualTo("93.8");
    assertThat(rounded(s.mean())).isEqualTo("62.5");
    assertThat(rounded(s.median())).isEqualTo("75.0");
    assertThat(rounded(s.p25())).isEqualTo("37.5");
    assertThat(s.roundedSd(1)).isEqualByComparingTo("41.1");
  }

  @Test
  void oneValueHasEveryFigureButNoStandardDeviation() {
    Statistics s = Statistics.of(values("62.5"));
    assertThat(s.n()).isEqualTo(1);
    assertThat(rounded(s.mean())).isEqualTo("62.5");
    assertThat(rounded(s.median())).isEqualTo("62.5");
    assertThat(rounded(s.p25())).isEqualTo("62.5");
    assertThat(rounded(s.p75())).isEqualTo("62.5");
    assertThat(s.variance()).isNull();
    assertThat(s.roundedSd(1)).isNull();
  }

  @Test
  void noValuesHaveNoFigures() {
    Statistics s = Statistics.of(List.of());
    assertThat(s.n()).isZero();
    assertThat(s.mean()).isNull();
    assertThat(s.median()).isNull();
    assertThat(s.min()).isNull();
    assertThat(s.p75()).isNull();
    assertThat(s.roundedSd(1)).isNull();
  }

  @Test
  void tiesAreKeptAndEqualValuesHaveZeroSpread() {
    Statistics ties = Statistics.of(values("62.5", "12.5", "62.5", "87.5", "75"));
    assertThat(rounded(ties.median())).isEqualTo("62.5");
    assertThat(rounded(ties.p25())).isEqualTo("62.5");
    assertThat(ties.roundedSd(1)).isEqualByComparingTo("28.5");

    Statistics same = Statistics.of(values("50", "50", "50"));
    assertThat(same.roundedSd(1)).isEqualByComparingTo("0.0");
    assertThat(same.p25()).isEqualTo(same.p75());
  }

  @Test
  void squareRootsRoundHalfUpExactly() {
    // √0.0025 = 0.05 exactly, a tie: half-up gives 0.1
    assertThat(Statistics.sqrtRounded(Rational.of(new BigDecimal("0.0025")), 1))
        .isEqualByComparingTo("0.1");
    // √2 = 1.41421… → 1.4; √812.5 = 28.504… → 28.5; √0.0024 = 0.04898… → 0.0
    assertThat(Statistics.sqrtRounded(Rational.of(new BigDecimal("2")), 1))
        .isEqualByComparingTo("1.4");
    assertThat(Statistics.sqrtRounded(Rational.of(new BigDecimal("812.5")), 1))
        .isEqualByComparingTo("28.5");
    assertThat(Statistics.sqrtRounded(Rational.of(new BigDecimal("0.0024")), 1))
        .isEqualByComparingTo("0.0");
    // a non-terminating variance: 1458⅓ (√ = 38.188…)
    Rational third =
        Rational.of(new BigDecimal("4375")).dividedBy(Rational.of(new BigDecimal("3")));
    assertThat(Statistics.sqrtRounded(third, 1)).isEqualByComparingTo("38.2");
    assertThat(Statistics.sqrtRounded(Rational.ZERO, 1)).isEqualByComparingTo("0.0");
  }

  @Test
  void countedValuesGiveExactlyTheFiguresOfTheValuesWrittenOut() {
    java.util.Random random = new java.util.Random(13);
    for (int round = 0; round < 200; round++) {
      java.util.TreeMap<Rational, int[]> counts = new java.util.TreeMap<>();
      List<Rational> values = new java.util.ArrayList<>();
      int distinct = 1 + random.nextInt(round < 20 ? 3 : 40);
      for (int i = 0; i < distinct; i++) {
        Rational value = Rational.of(random.nextInt(1001), 10);
        int count = 1 + random.nextInt(round % 2 == 0 ? 2 : 500);
        counts.computeIfAbsent(value, v -> new int[1])[0] += count;
        for (int c = 0; c < count; c++) {
          values.add(value);
        }
      }
      assertThat(Statistics.ofCounts(counts)).isEqualTo(Statistics.of(values));
    }
    assertThat(Statistics.ofCounts(new java.util.TreeMap<>())).isEqualTo(Statistics.of(List.of()));
  }
}

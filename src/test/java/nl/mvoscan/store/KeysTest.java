package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One company per real company: how two spellings are told to be the same. */
class KeysTest {

  @Test
  void foldingDropsCaseSpacesPunctuationAccentsAndLegalForms() {
    assertThat(Keys.foldedName("  Bakkerij De Korenschoof B.V. "))
        .isEqualTo(Keys.foldedName("bakkerij de korenschoof"))
        .isEqualTo(Keys.foldedName("Bakkerij de Korenschoof BV"))
        .isEqualTo("bakkerij de korenschoof");
    assertThat(Keys.foldedName("Café Één V.O.F.")).isEqualTo("cafe een");
    assertThat(Keys.foldedName("Installatiebedrijf Dijkstra & Zn."))
        .isEqualTo("installatiebedrijf dijkstra");
    assertThat(Keys.foldedName("Hotel-Restaurant De Gouden Leeuw"))
        .isEqualTo("hotel restaurant de gouden leeuw");
  }

  @Test
  void spellingsOfOneCompanyInOneCityAreTheSame() {
    assertThat(Keys.sameCompany("Albert Heijn", "Emmen", "albert heijn bv", "Emmen")).isTrue();
    assertThat(Keys.sameCompany("Albert Heijn", "Emmen", "AH Emmen Centrum", "Emmen")).isTrue();
    assertThat(Keys.sameCompany("Albert Heijn", "Emmen", "Albert Heijn Emmen", "emmen")).isTrue();
    assertThat(Keys.sameCompany("Autobedrijf v.d. Veen", "Assen", "Van der Veen auto's", "Assen"))
        .isTrue();
    assertThat(Keys.sameCompany("Zorgcentrum De Lindehof", "Groningen", "De Lindehof", "Groningen"))
        .isTrue();
    assertThat(
            Keys.sameCompany(
                "Bakker Logistiek", "Hoogeveen", "Transportbedrijf Bakker", "Hoogeveen"))
        .isTrue();
  }

  @Test
  void otherCitiesOtherKindsOfBusinessOrOtherWordsAreOtherCompanies() {
    assertThat(Keys.sameCompany("Albert Heijn", "Emmen", "Albert Heijn", "Assen")).isFalse();
    assertThat(Keys.sameCompany("Bakkerij Jansen", "Emmen", "Garage Jansen", "Emmen")).isFalse();
    assertThat(Keys.sameCompany("Bakkerij Jansen", "Emmen", "Bakkerij Pietersen", "Emmen"))
        .isFalse();
    assertThat(Keys.sameCompany("De Lindehof", "Groningen", "De Lindeboom", "Groningen")).isFalse();
    // without a city only the folded name itself is safe
    assertThat(Keys.sameCompany("Albert Heijn", null, "albert heijn b.v.", null)).isTrue();
    assertThat(Keys.sameCompany("Albert Heijn", null, "AH", null)).isFalse();
  }

  @Test
  void similarCompaniesAreWhatSuggestAsksAbout() {
    assertThat(Keys.similarCompany("Bakkerij Jansen", "Emmen", "Jansen Brood en Banket", "Emmen"))
        .isTrue();
    assertThat(Keys.similarCompany("De Lindehof", "Groningen", "De Lindeboom", "Groningen"))
        .isTrue();
    assertThat(Keys.similarCompany("Bakkerij Jansen", "Emmen", "Garage Pietersen", "Emmen"))
        .isFalse();
    assertThat(Keys.similarCompany("Bakkerij Jansen", "Emmen", "Bakkerij Jansen", "Assen"))
        .isFalse();
  }

  @Test
  void spellingsOfOneCompanyAlwaysFallInOneBucket() {
    String[][] spellings = {
      {"Albert Heijn", "Emmen"},
      {"albert heijn bv", "Emmen"},
      {"AH Emmen Centrum", "Emmen"},
      {"Albert Heijn Emmen", "emmen"},
      {"Albert Heijn", "Assen"},
      {"Albert Heijn", null},
      {"albert heijn b.v.", null},
      {"AH", null},
      {"Autobedrijf v.d. Veen", "Assen"},
      {"Van der Veen auto's", "Assen"},
      {"Zorgcentrum De Lindehof", "Groningen"},
      {"De Lindehof", "Groningen"},
      {"Bakker Logistiek", "Hoogeveen"},
      {"Transportbedrijf Bakker", "Hoogeveen"},
      {"Bakkerij Jansen", "Emmen"},
      {"Garage Jansen", "Emmen"},
      {"Bakkerij", "Emmen"},
      {"bakkerij b.v.", " Emmen "},
      {"Çiçek Çiftliği", "İzmir"},
      {"cicek ciftligi", "izmir"},
      {"'t Hoekje", "Zwolle"},
      {"Het Hoekje", "Zwolle"},
      {"HH", "Zwolle"},
      {"Hanze Hout", "Zwolle"},
    };
    for (String[] a : spellings) {
      for (String[] b : spellings) {
        if (Keys.sameCompany(a[0], a[1], b[0], b[1])) {
          assertThat(Keys.companyBucket(a[0], a[1]))
              .as("%s (%s) and %s (%s)", a[0], a[1], b[0], b[1])
              .isEqualTo(Keys.companyBucket(b[0], b[1]));
        }
      }
    }
    assertThat(Keys.companyBucket("Albert Heijn", "Emmen"))
        .isNotEqualTo(Keys.companyBucket("Albert Heijn", "Assen"))
        .isNotEqualTo(Keys.companyBucket("Garage Jansen", "Emmen"));
  }

  @Test
  void aSevenDigitKvkNumberGetsItsLeadingZeroBack() {
    assertThat(Keys.restoredKvk("4187352")).isEqualTo("04187352");
    assertThat(Keys.restoredKvk("04187352")).isNull();
    assertThat(Keys.restoredKvk("418735")).isNull();
  }
}

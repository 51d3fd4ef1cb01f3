package nl.mvoscan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a student's name and number are found in free text. */
class NamesTest {

  private static String scrub(String text, String number) {
    return Names.scrub(text, List.of(new Names.Person("Sanne de Vries", number, "[x]")));
  }

  @Test
  void aStudentNumberIsReplacedOnlyAsAWholeToken() {
    assertThat(scrub("nummer 104233, of 104 233 of (104233).", "104233"))
        .isEqualTo("nummer [x], of [x] of ([x]).");
    assertThat(scrub("104.233 en 104\u00A0233", "104233")).isEqualTo("[x] en [x]");
    // part of a longer run of digits: a date, an amount, a phone number, another number
    assertThat(scrub("op 10-42-33, 1.042,33 euro, 1042330, 2104233 en 104233-5", "104233"))
        .isEqualTo("op 10-42-33, 1.042,33 euro, 1042330, 2104233 en 104233-5");
    assertThat(scrub("06 104233 11 bellen", "104233")).isEqualTo("06 104233 11 bellen");
  }

  @Test
  void aStudentNumberShorterThanTheMinimumIsNotLookedForInText() {
    assertThat(Names.MIN_NUMBER_LENGTH).isEqualTo(5);
    assertThat(scrub("120 kWh op 12-05-2026, 12 lampen; Sanne de Vries", "12"))
        .isEqualTo("120 kWh op 12-05-2026, 12 lampen; [x]");
    assertThat(scrub("2026: 1234 lampen", "1234")).isEqualTo("2026: 1234 lampen");
    assertThat(scrub("12345 lampen", "12345")).isEqualTo("[x] lampen");
  }

  @Test
  void aStudentNumberWithLettersIsAWordAndHasTheSameMinimum() {
    assertThat(scrub("zie S104233 en s104233x", "S104233")).isEqualTo("zie [x] en s104233x");
    assertThat(scrub("ab1 of AB1", "ab1")).isEqualTo("ab1 of AB1");
  }

  @Test
  void apostropheVariantsAndHyphensAreTheSameSeparator() {
    assertThat(Names.same("Daan O'Brien", "Daan O\u2019Brien")).isTrue();
    assertThat(Names.same("Daan O'Brien", "daan o brien")).isTrue();
    assertThat(Names.same("Daan O\u02BCBrien", "DAAN O`BRIEN")).isTrue();
    assertThat(Names.same("Jan-Willem van der Berg", "jan willem van der berg")).isTrue();
    assertThat(Names.same("Jan-Willem van der Berg", "Jan\u2011Willem van der Berg")).isTrue();
    List<Names.Person> people =
        List.of(
            new Names.Person("Daan O'Brien", null, "[x]"),
            new Names.Person("Jan-Willem van der Berg", null, "[y]"));
    assertThat(Names.scrub("met Daan O\u2019Brien en jan willem van der berg.", people))
        .isEqualTo("met [x] en [y].");
    assertThat(Names.scrub("met daan o brien, Jan-Willem van der Berg's fiets", people))
        .isEqualTo("met [x], [y]'s fiets");
  }

  @Test
  void aOneWordNameIsReplacedOnlyWhereItIsWrittenAsAName() {
    List<Names.Person> mei = List.of(new Names.Person("Mei", null, "[x]"));
    assertThat(Names.scrub("In mei 2026 komen er zonnepanelen.", mei))
        .isEqualTo("In mei 2026 komen er zonnepanelen.");
    assertThat(Names.scrub("Samen met Mei gevraagd; MEI wist het.", mei))
        .isEqualTo("Samen met [x] gevraagd; [x] wist het.");
    List<Names.Person> full = List.of(new Names.Person("Mei Lin", null, "[x]"));
    assertThat(Names.scrub("met mei lin gevraagd", full)).isEqualTo("met [x] gevraagd");
  }
}

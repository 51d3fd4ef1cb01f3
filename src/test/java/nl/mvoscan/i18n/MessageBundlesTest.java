package nl.mvoscan.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dutch and the English texts say the same things: same keys, same placeholders. */
class MessageBundlesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");

  private static Map<String, String> bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Map<String, String> texts = new TreeMap<>();
    properties.forEach((key, value) -> texts.put((String) key, (String) value));
    return texts;
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void dutchAndEnglishHaveTheSameKeysAndTheSamePlaceholders() throws IOException {
    Map<String, String> english = bundle("/nl/mvoscan/i18n/messages.properties");
    Map<String, String> dutch = bundle("/nl/mvoscan/i18n/messages_nl.properties");
    assertThat(english).isNotEmpty();
    assertThat(dutch.keySet()).as("keys").containsExactlyElementsOf(english.keySet());
    List<String> different = new ArrayList<>();
    english.forEach(
        (key, text) -> {
          if (dutch.containsKey(key) && !placeholders(text).equals(placeholders(dutch.get(key)))) {
            different.add(
                key + ": en " + placeholders(text) + ", nl " + placeholders(dutch.get(key)));
          }
        });
    assertThat(different).as("placeholders").isEmpty();
  }

  @Test
  void aTextLeftEmptyOnPurposeIsEmptyInBothLanguages() throws IOException {
    Map<String, String> english = bundle("/nl/mvoscan/i18n/messages.properties");
    Map<String, String> dutch = bundle("/nl/mvoscan/i18n/messages_nl.properties");
    english.forEach(
        (key, text) ->
            assertThat(dutch.getOrDefault(key, "").isBlank()).as(key).isEqualTo(text.isBlank()));
  }

  /**
   * A count reads as people say it, "1 bedrijf" and "2 bedrijven": a bracket form such as
   * "bestand(en)" or "vraag/vragen" is a text that never chose ({@code .one}/{@code .other} keys or
   * {@link Messages#count} do).
   */
  @Test
  void noTextLeavesTheNumberOpenWithABracketOrSlashForm() throws IOException {
    Pattern bracket =
        Pattern.compile(
            "\\w\\((s|es|en|n|den|ren)\\)"
                + "|\\b(vraag/vragen|school/scholen|paar/paren|taal/talen|zou/zouden)\\b");
    List<String> open = new ArrayList<>();
    for (String name :
        new String[] {
          "/nl/mvoscan/i18n/messages.properties", "/nl/mvoscan/i18n/messages_nl.properties"
        }) {
      bundle(name)
          .forEach(
              (key, text) -> {
                if (bracket.matcher(text).find()) {
                  open.add(name.substring(name.lastIndexOf('/') + 1) + " " + key + "=" + text);
                }
              });
    }
    assertThat(open).as("texts with a bracket plural").isEmpty();
  }
}

package nl.mvoscan.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads scan and answers files into a Jackson tree while remembering each value's location and
 * collecting every duplicate key, which Jackson alone would either silently accept or stop at.
 *
 * <p>Limits keep hostile files cheap: no scan or answers file needs more than a few hundred levels
 * of nesting or a string of a million characters, so anything beyond is rejected with one line.
 */
public final class JsonReader {

  public static final int MAX_DEPTH = 200;

  public static final int MAX_STRING_LENGTH = 1_000_000;
  public static final int MAX_NUMBER_LENGTH = 100;

  /**
   * Decimal exponents beyond this make no sense in a scan and would make exact arithmetic explode.
   */
  public static final int MAX_MAGNITUDE = 100;

  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          .build();

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  private JsonReader() {}

  public static JsonDocument read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return failed(
            name, new JsonProblem("", 0, 0, "json.tooLarge", MAX_FILE_BYTES / (1024 * 1024)));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return failed(name, new JsonProblem("", 0, 0, "file.notFound"));
    } catch (IOException e) {
      return failed(
          name, new JsonProblem("", 0, 0, "file.unreadable", String.valueOf(e.getMessage())));
    }
    return parse(name, bytes);
  }

  public static JsonDocument parse(String name, byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return failed(name, notUtf8(bytes));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return parse(name, text);
  }

  public static JsonDocument parse(String name, String text) {
    return parse(name, text, true);
  }

  /**
   * Like {@link #parse(String, byte[])}, but without the location of every value: for a file known
   * to be valid (a bundled scan the build checked), where remembering thousands of locations that
   * no message will ever show costs a good part of reading it. The tree is the same.
   */
  public static JsonDocument parseUnlocated(String name, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return parse(name, text, false);
  }

  private static JsonDocument parse(String name, String text, boolean locate) {
    Map<String, JsonDocument.Location> locations = locate ? new HashMap<>() : null;
    Map<String, JsonDocument.Location> keyLocations = locate ? new HashMap<>() : null;
    List<JsonProblem> problems = new ArrayList<>();
    JsonParser parser = null;
    boolean ended = false;
    try {
      parser = FACTORY.createParser(text);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return failed(name, new JsonProblem("", 1, 1, "json.empty"));
      }
      JsonNode root = readValue(parser, "", locations, keyLocations, problems);
      ended = true;
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        JsonLocation at = parser.currentTokenLocation();
        problems.add(new JsonProblem("", at.getLineNr(), at.getColumnNr(), "json.trailing"));
      }
      return new JsonDocument(
          name,
          root,
          locate ? Map.copyOf(locations) : Map.of(),
          locate ? Map.copyOf(keyLocations) : Map.of(),
          List.copyOf(problems));
    } catch (StreamConstraintsException e) {
      // the exception carries no location; the parser knows where it stopped
      JsonLocation at = parser == null ? null : parser.currentLocation();
      String message = String.valueOf(e.getMessage());
      String key;
      Object limit;
      if (message.contains("nesting depth")) {
        key = "json.tooDeep";
        limit = MAX_DEPTH;
      } else if (message.startsWith("Number")) {
        key = "json.numberTooLong";
        limit = MAX_NUMBER_LENGTH;
      } else {
        key = "json.tooLong";
        limit = MAX_STRING_LENGTH;
      }
      return failed(name, new JsonProblem("", line(at), column(at), key, limit));
    } catch (JsonParseException e) {
      JsonLocation at = e.getLocation();
      JsonProblem number = numberForm(text, line(at), column(at));
      return failed(name, number != null ? number : JsonSyntax.problem(text, e, ended));
    } catch (IOException e) {
      // reading from a String, only the parser's own problems can arise: worded as a syntax error
      JsonLocation at = parser == null ? null : parser.currentLocation();
      return failed(
          name, new JsonProblem("", Math.max(1, line(at)), Math.max(1, column(at)), "json.syntax"));
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // reading from a String: nothing to release
        }
      }
    }
  }

  /**
   * What a number in JSON is: an optional minus, no leading zeros, digits on both sides of a point.
   */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?");

  /** A word that was meant as a number: it starts with a digit, a point or a minus. */
  private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?[0-9.][0-9A-Za-z.+-]*|-");

  /**
   * A number written as JSON does not write numbers ({@code 0x10}, {@code .5}, {@code 1.}, {@code
   * 1e}), where the parser stopped at {@code line} and {@code column}: the word there, in mvoscan's
   * own words; null when the problem is something else. Jackson words each of these differently, in
   * English and with advice to enable a parser feature.
   */
  static JsonProblem numberForm(String text, int line, int column) {
    if (line < 1 || column < 1) {
      return null;
    }
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return null;
      }
      offset = newline + 1;
    }
    int at = Math.min(text.length(), offset + column - 1);
    int start = at;
    while (start > offset && numberChar(text.charAt(start - 1))) {
      start--;
    }
    int end = at;
    while (end < text.length() && numberChar(text.charAt(end))) {
      end++;
    }
    String word = text.substring(start, end);
    if (word.isEmpty()
        || word.length() > 40
        || !NUMBER_LIKE.matcher(word).matches()
        || JSON_NUMBER.matcher(word).matches()
        || word.startsWith("+")
        || word.matches("-?0[0-9]+")) {
      return null; // a plus sign and leading zeros have their own message
    }
    return new JsonProblem("", line, column, "json.numberForm", word);
  }

  private static boolean numberChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '.'
        || c == '+'
        || c == '-';
  }

  /**
   * Not UTF-8, at the first byte that is not: where a Latin-1 é or a stray byte sits is what the
   * author looks for, and a file is decoded again only when it failed.
   */
  private static JsonProblem notUtf8(byte[] bytes) {
    java.nio.charset.CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    out.flip();
    int line = 1;
    int column = 1;
    for (int i = 0; i < out.length(); i++) {
      char c = out.get(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c) && !(i == 0 && c == '\uFEFF')) {
        column++;
      }
    }
    return new JsonProblem("", line, column, "json.notUtf8");
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(0, at.getLineNr());
  }

  private static int column(JsonLocation at) {
    return at == null ? 0 : Math.max(0, at.getColumnNr());
  }

  private static JsonDocument failed(String name, JsonProblem problem) {
    return new JsonDocument(name, null, Map.of(), List.of(problem));
  }

  /**
   * Reads the value at the current token; iterative over siblings, recursive over depth (bounded by
   * MAX_DEPTH).
   */
  private static JsonNode readValue(
      JsonParser parser,
      String pointer,
      Map<String, JsonDocument.Location> locations,
      Map<String, JsonDocument.Location> keyLocations,
      List<JsonProblem> problems)
      throws IOException {
    JsonLocation start = parser.currentTokenLocation();
    if (locations != null) {
      locations.put(pointer, new JsonDocument.Location(start.getLineNr(), start.getColumnNr()));
    }
    JsonNodeFactory nodes = NODES;
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonLocation keyAt = parser.currentTokenLocation();
          String child = locations == null ? null : pointer + "/" + escape(field);
          parser.nextToken();
          if (object.has(field)) {
            problems.add(
                new JsonProblem(
                    child, keyAt.getLineNr(), keyAt.getColumnNr(), "json.duplicateKey", field));
            // the duplicate's own value is read for its problems only; the first one stays
            readValue(
                parser,
                child,
                locations == null ? null : new HashMap<>(),
                keyLocations == null ? null : new HashMap<>(),
                problems);
          } else {
            if (keyLocations != null) {
              keyLocations.put(
                  child, new JsonDocument.Location(keyAt.getLineNr(), keyAt.getColumnNr()));
            }
            object.set(field, readValue(parser, child, locations, keyLocations, problems));
          }
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          String child = locations == null ? null : pointer + "/" + index;
          array.add(readValue(parser, child, locations, keyLocations, problems));
          index++;
        }
        return array;
      }
      case VALUE_STRING -> {
        String value = parser.getText();
        if (hasLoneSurrogate(value)) {
          // "\ud800" decodes to half a character, which no editor can show and UTF-8 cannot hold
          problems.add(
              new JsonProblem(
                  pointer, start.getLineNr(), start.getColumnNr(), "json.loneSurrogate"));
        }
        return nodes.textNode(value);
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        java.math.BigDecimal value;
        try {
          value = parser.getDecimalValue();
        } catch (NumberFormatException e) {
          // an exponent beyond what BigDecimal can hold at all (1e9999999991)
          value = null;
        }
        // 1e999999999 is short to write but would take gigabytes to compute with exactly
        if (value == null
            || Math.abs((long) value.precision() - value.scale()) > MAX_MAGNITUDE
            || value.scale() > MAX_MAGNITUDE) {
          problems.add(
              new JsonProblem(
                  pointer,
                  start.getLineNr(),
                  start.getColumnNr(),
                  "json.numberOutOfRange",
                  parser.getText()));
          return nodes.numberNode(java.math.BigDecimal.ZERO);
        }
        return nodes.numberNode(value);
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new JsonParseException(parser, "unexpected token " + token);
    }
  }

  private static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** JSON pointer escaping (RFC 6901). */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

package nl.mvoscan.scan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The scan hash of the contract (§6): SHA-256 over a canonical form, so that reformatting a scan or
 * reordering its keys keeps the hash while any change of text, point or weight changes it.
 *
 * <p>Canonical form (documented in docs/decisions.md): object keys sorted by Unicode code point, no
 * whitespace, strings escaped only where JSON requires it (quote, backslash, control characters),
 * numbers as their plain shortest decimal (2.0 and 2 are both 2, no exponent), the top-level
 * "$schema" left out, UTF-8.
 */
public final class ScanHash {

  private ScanHash() {}

  public static String of(JsonNode scan) {
    StringBuilder canonical = new StringBuilder();
    write(scan, canonical, true);
    return ofCanonical(canonical);
  }

  /**
   * The hash of a text that is already in the canonical form, for a caller that writes the form
   * itself (with {@link #appendString} and keys in {@link #compareCodePoints} order) instead of
   * building a JSON tree first.
   */
  public static String ofCanonical(CharSequence canonical) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A JSON string in the canonical form; {@code null} as JSON {@code null}. */
  public static void appendString(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
    } else {
      string(value, out);
    }
  }

  private static void write(JsonNode node, StringBuilder out, boolean top) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(ScanHash::compareCodePoints);
      out.append('{');
      boolean first = true;
      for (String key : keys) {
        if (top && key.equals("$schema")) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(key, out);
        out.append(':');
        write(node.get(key), out, false);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out, false);
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(node.asText(), out);
    } else if (node.isNumber()) {
      out.append(Decimals.text(node.decimalValue()));
    } else {
      out.append(node.toString()); // true, false, null
    }
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The order of keys in the canonical form: by Unicode code point. */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}

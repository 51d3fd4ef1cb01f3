package nl.mvoscan.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random capability tokens and short codes, and the hashes under which they are stored. */
final class Tokens {

  /** No 0/O, 1/I/L: a code read from a screen or a note must survive being typed. */
  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  /** 20 random bytes: 160 bits in a student's personal link (at least 128 are asked for). */
  private static final int TOKEN_BYTES = 20;

  private final SecureRandom random = new SecureRandom();

  /** A capability token for an address: URL-safe base64 without padding. */
  String token() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A code of {@code length} characters from {@link #ALPHABET}. */
  String code(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** How a typed code is compared: upper case, without spaces and dashes. */
  static String normalizeCode(String typed) {
    return typed == null
        ? ""
        : typed.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "");
  }

  /** A resume code as shown: ABCD-EFGH. */
  static String showCode(String code) {
    return code.length() == 8 ? code.substring(0, 4) + "-" + code.substring(4) : code;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Compares in time that does not depend on where the two differ. */
  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        sha256(a).getBytes(StandardCharsets.US_ASCII),
        sha256(b).getBytes(StandardCharsets.US_ASCII));
  }

  /** A token as it may appear in a path: base64url, 20 to 64 characters. */
  static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{20,64}");
  }
}

package nl.mvoscan.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The school's secret for pseudonyms: 256 random bits, kept in a file readable by its owner only
 * beside the school's database ({@code mvoscan.db.key} beside {@code mvoscan.db}). A pseudonym is
 * HMAC-SHA-256 of what it stands for under this key: the same student always gets the same
 * pseudonym from the same school, so pushing again adds nothing and {@code forget} finds the
 * student on the regional server, while nobody without the key can link a pseudonym back to a name
 * or number, nor try names until one fits.
 */
public final class SchoolKey {

  private static final String HEADER = "mvoscan-school-key/1";
  private static final int BYTES = 32;

  private final byte[] secret;

  private SchoolKey(byte[] secret) {
    this.secret = secret.clone();
  }

  /** {@code mvoscan.db.key} beside {@code mvoscan.db}. */
  public static Path fileFor(Path database) {
    Path absolute = database.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".key");
  }

  /**
   * Makes a new key file; an existing one is never replaced, because every pseudonym made with it
   * would then point at nobody.
   *
   * @throws FileAlreadyExistsException when the file is there
   */
  public static SchoolKey create(Path file) throws IOException {
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(
        temp,
        HEADER + "\n" + Base64.getEncoder().encodeToString(secret) + "\n",
        StandardCharsets.US_ASCII);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file);
    }
    return new SchoolKey(secret);
  }

  /**
   * Reads a key file.
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when it is not a key file
   */
  public static SchoolKey load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    if (lines.size() < 2 || !lines.get(0).trim().equals(HEADER)) {
      throw new IllegalArgumentException("not an mvoscan school key");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(lines.get(1).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an mvoscan school key");
    }
    if (secret.length != BYTES) {
      throw new IllegalArgumentException("not an mvoscan school key");
    }
    return new SchoolKey(secret);
  }

  /** The pseudonym of {@code what} (a kind prefix and a value): 64 lowercase hex digits. */
  public String pseudonym(String what) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(what.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
    }
  }

  /** The pseudonym of a student as the school's database knows them (their respondent key). */
  public String student(String respondentKey) {
    return "p:" + pseudonym("student\n" + respondentKey);
  }

  /** The pseudonym of a response, from its content hash at the school. */
  public String response(String contentHash) {
    return pseudonym("response\n" + contentHash);
  }
}

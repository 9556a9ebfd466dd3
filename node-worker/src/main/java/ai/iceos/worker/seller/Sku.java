package ai.iceos.worker.seller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A listing's stock-keeping unit: {@code slug(name)-<first 6 hex of sha1(name)>}, at most {@link
 * #MAX_LENGTH} characters (the slug is cut, never the hash). Equal names give equal SKUs.
 */
public final class Sku {
  public static final int MAX_LENGTH = 30;
  private static final int HASH_CHARS = 6;

  private Sku() {}

  public static String of(String name) {
    String hash = sha1Hex(name).substring(0, HASH_CHARS);
    String slug = slug(name);
    int room = MAX_LENGTH - HASH_CHARS - 1;
    if (slug.length() > room) {
      slug = slug.substring(0, room).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? hash : slug + "-" + hash;
  }

  /** Lower case, every run of non-alphanumerics replaced by one {@code -}, none at the ends. */
  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /** Lower-case hex SHA-1 of the UTF-8 text. */
  static String sha1Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}

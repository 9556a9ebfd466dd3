package ai.iceos.blueprint.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** Reads a bearer token from an Authorization header and derives its stored form. */
public final class BearerToken {
  /** The token accepted for org {@link #DEV_ORG} while no real token is configured. */
  public static final String DEV_TOKEN = "dev-token";

  public static final String DEV_ORG = "dev";

  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  /** The token of {@code Bearer <token>}, or empty for a missing header or another scheme. */
  public static Optional<String> parse(String authorization) {
    if (authorization == null
        || authorization.length() <= SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    String token = authorization.substring(SCHEME.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Lower-case hex SHA-256 of the token: what {@code api_token.token_sha256} holds. */
  public static String sha256Hex(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

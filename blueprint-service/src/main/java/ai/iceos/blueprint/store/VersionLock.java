package ai.iceos.blueprint.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque version locks: random, never derived from content, so equal documents differ. */
final class VersionLock {
  private static final SecureRandom RANDOM = new SecureRandom();

  private VersionLock() {}

  static String fresh() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

package ai.iceos.gateway.provider;

import java.util.Objects;

/**
 * A credential such as a provider API key. Its {@link #toString()} redacts the value so that it
 * cannot leak into logs or responses by accident; only {@link #reveal()} returns it.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  public boolean isBlank() {
    return value.isBlank();
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}

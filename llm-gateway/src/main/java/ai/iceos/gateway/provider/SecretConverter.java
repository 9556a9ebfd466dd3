package ai.iceos.gateway.provider;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads a configuration value into a {@link Secret}. */
public final class SecretConverter implements Converter<Secret> {
  @Override
  public Secret convert(String value) {
    return value == null || value.isBlank() ? null : new Secret(value);
  }
}

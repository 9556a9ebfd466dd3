package ai.iceos.blueprint;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** The one source of "now", so that tests could replace it. */
final class ClockProducer {
  @Produces
  @Singleton
  InstantSource clock() {
    return InstantSource.system();
  }
}

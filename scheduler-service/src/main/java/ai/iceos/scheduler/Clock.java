package ai.iceos.scheduler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The one source of "now", so time-dependent code can be driven by a test clock. */
final class Clock {
  private Clock() {}

  @Produces
  @ApplicationScoped
  static InstantSource system() {
    return InstantSource.system();
  }
}

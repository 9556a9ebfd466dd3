package ai.iceos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A tiny detached shell per guarded process that stops it when the JVM that started it is gone,
 * even after a {@code kill -9} (postgres has no parent-death option and the services can't be
 * changed). The shell exits by itself as soon as the guarded process ends.
 */
final class ProcessWatchdog {
  // A zombie counts as dead: an orphaned launcher killed with -9 stays one until init reaps it.
  private static final String SCRIPT =
      """
      owner=$1; child=$2; signal=$3; grace=$4
      alive() {
        if [ -r "/proc/$1/stat" ]; then
          [ "$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ] 2>/dev/null
        else
          kill -0 "$1" 2>/dev/null
        fi
      }
      while alive "$owner" && alive "$child"; do sleep 1; done
      alive "$child" || exit 0
      kill -"$signal" "$child" 2>/dev/null
      i=0
      while [ "$i" -lt "$grace" ] && alive "$child"; do sleep 1; i=$((i+1)); done
      kill -KILL "$child" 2>/dev/null
      exit 0
      """;

  private ProcessWatchdog() {}

  /**
   * Guards {@code child}: when this JVM dies first, sends {@code signal} (e.g. {@code TERM}, or
   * {@code QUIT} for postgres' immediate shutdown), then SIGKILL after {@code graceSeconds}.
   */
  static void guard(long child, String signal, int graceSeconds) {
    List<String> command =
        List.of(
            "sh",
            "-c",
            SCRIPT,
            "iceos-watchdog",
            Long.toString(ProcessHandle.current().pid()),
            Long.toString(child),
            signal,
            Integer.toString(graceSeconds));
    try {
      new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the watchdog for process " + child, e);
    }
  }
}

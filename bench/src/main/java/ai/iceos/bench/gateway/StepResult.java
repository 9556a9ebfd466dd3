package ai.iceos.bench.gateway;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one open-loop step saw: requests sent at the offered rate, answered 200, failed (non-200,
 * transport error, timeout or still unanswered at the end), and the latency of the answered ones in
 * microseconds, measured from each request's intended start.
 */
record StepResult(
    String target,
    int offeredRps,
    double seconds,
    long sent,
    long ok,
    long failed,
    Histogram us,
    Map<String, Long> failures) {

  double p50Ms() {
    return percentileMs(50);
  }

  double p99Ms() {
    return percentileMs(99);
  }

  double percentileMs(double p) {
    return us.getTotalCount() == 0 ? Double.NaN : us.getValueAtPercentile(p) / 1000.0;
  }

  double maxMs() {
    return us.getTotalCount() == 0 ? Double.NaN : us.getMaxValue() / 1000.0;
  }

  double okPerSecond() {
    return ok / seconds;
  }

  double failedShare() {
    return sent == 0 ? 0 : (double) failed / sent;
  }

  /** A step that holds: at most 0.1 % failed and p99 within {@code p99LimitMs}. */
  boolean sustained(double p99LimitMs) {
    return ok > 0 && failedShare() <= 0.001 && p99Ms() <= p99LimitMs;
  }

  /** This step's answers merged with {@code other}'s (same target and rate, more rounds). */
  StepResult plus(StepResult other) {
    Histogram merged = us.copy();
    merged.add(other.us);
    return new StepResult(
        target,
        offeredRps,
        seconds + other.seconds,
        sent + other.sent,
        ok + other.ok,
        failed + other.failed,
        merged,
        mergedFailures(other));
  }

  private Map<String, Long> mergedFailures(StepResult other) {
    Map<String, Long> merged = new TreeMap<>(failures);
    other.failures.forEach((reason, count) -> merged.merge(reason, count, Long::sum));
    return merged;
  }
}

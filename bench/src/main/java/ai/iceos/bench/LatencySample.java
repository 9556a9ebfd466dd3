package ai.iceos.bench;

import java.util.Arrays;

/** A set of latency measurements in nanoseconds, summarised by percentiles. */
record LatencySample(String name, long[] nanos) {
  LatencySample {
    nanos = nanos.clone();
    Arrays.sort(nanos);
  }

  /** The p-th percentile (0 < p <= 100), nearest-rank method, in milliseconds. */
  double percentileMs(double p) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * nanos.length);
    return nanos[Math.max(0, rank - 1)] / 1_000_000.0;
  }

  double meanMs() {
    return Arrays.stream(nanos).average().orElse(Double.NaN) / 1_000_000.0;
  }

  int count() {
    return nanos.length;
  }

  String markdownRow() {
    return String.format(
        "| %s | %d | %.2f | %.2f | %.2f | %.2f |",
        name, count(), percentileMs(50), percentileMs(99), meanMs(), percentileMs(100));
  }

  static String markdownHeader() {
    return "| measurement | n | p50 ms | p99 ms | mean ms | max ms |\n|---|---|---|---|---|---|";
  }
}

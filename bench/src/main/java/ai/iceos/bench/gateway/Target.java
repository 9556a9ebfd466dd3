package ai.iceos.bench.gateway;

import java.util.Map;

/** One endpoint under load: where {@code POST} goes and the headers it carries. */
record Target(String name, String url, Map<String, String> headers) {
  Target {
    headers = Map.copyOf(headers);
  }
}

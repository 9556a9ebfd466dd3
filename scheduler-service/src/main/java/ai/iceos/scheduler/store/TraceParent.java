package ai.iceos.scheduler.store;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of the current trace, kept on each outbox row so that what the
 * scheduler sends continues the trace of the message that caused it, even when a relay sends the
 * row later (decision 0112).
 */
public final class TraceParent {
  private static final String HEADER = "traceparent";
  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceParent() {}

  /** The current span's {@code traceparent}, or null outside a valid trace. */
  public static String current() {
    return of(Context.current());
  }

  static String of(Context context) {
    if (!Span.fromContext(context).getSpanContext().isValid()) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** The context a stored {@code traceparent} describes; the root context for null or garbage. */
  public static Context context(String traceparent) {
    if (traceparent == null) {
      return Context.root();
    }
    return W3CTraceContextPropagator.getInstance()
        .extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
  }
}

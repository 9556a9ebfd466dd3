package ai.iceos.blueprint.api;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** What a 5xx body may reveal: a reference to the trace of the failed request, nothing else. */
final class TraceReference {
  private TraceReference() {}

  static String current() {
    SpanContext context = Span.current().getSpanContext();
    return "urn:iceos:trace:" + (context.isValid() ? context.getTraceId() : "unavailable");
  }
}

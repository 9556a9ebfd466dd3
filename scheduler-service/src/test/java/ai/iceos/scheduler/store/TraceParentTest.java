package ai.iceos.scheduler.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import org.junit.jupiter.api.Test;

class TraceParentTest {
  private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void shouldRoundTripATraceparentThroughAContext() {
    Context context = TraceParent.context(PARENT);

    assertThat(Span.fromContext(context).getSpanContext().getTraceId())
        .isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(TraceParent.of(context)).isEqualTo(PARENT);
  }

  @Test
  void shouldGiveNoTraceparentOutsideATraceAndTheRootContextForNone() {
    assertThat(TraceParent.of(Context.root())).isNull();
    assertThat(TraceParent.context(null)).isEqualTo(Context.root());
    assertThat(TraceParent.of(TraceParent.context("garbage"))).isNull();
  }
}

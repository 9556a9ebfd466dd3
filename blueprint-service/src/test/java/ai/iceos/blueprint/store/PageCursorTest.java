package ai.iceos.blueprint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  @Test
  void shouldRoundTripAtMicrosecondPrecision() {
    PageCursor cursor =
        new PageCursor(Instant.parse("2026-12-06T01:02:03.123456Z"), UUID.randomUUID());

    assertThat(PageCursor.decode(cursor.encode())).contains(cursor);
  }

  @Test
  void shouldRejectWhatItDidNotMake() {
    assertThat(PageCursor.decode("bogus")).isEmpty();
    assertThat(PageCursor.decode("")).isEmpty();
    assertThat(PageCursor.decode("MTIzOm5vdC1hLXV1aWQ")).isEmpty();
  }
}

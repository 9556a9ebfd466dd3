package ai.iceos.blueprint.api;

import ai.iceos.blueprint.store.Page;
import ai.iceos.blueprint.store.PageCursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A page of a list: {@code {items, next_cursor}}; {@code next_cursor} is null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ListPage<T>(List<T> items, String nextCursor) {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  public ListPage {
    items = List.copyOf(items);
  }

  static <S, T> ListPage<T> of(Page<S> page, Function<S, T> item) {
    return new ListPage<>(
        page.items().stream().map(item).toList(),
        Optional.ofNullable(page.next()).map(PageCursor::encode).orElse(null));
  }

  /** {@code ?limit}: 1..100, default 20; anything else is 422. */
  static int limit(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ProblemException(
        ProblemType.INVALID_REQUEST, "limit must be an integer from 1 to " + MAX_LIMIT + ".");
  }

  /** {@code ?cursor}: absent for the first page (null); one this service did not make is 400. */
  static PageCursor cursor(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return PageCursor.decode(raw.trim())
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.BAD_REQUEST,
                    "cursor is not a cursor this API returned; start again without it."));
  }
}

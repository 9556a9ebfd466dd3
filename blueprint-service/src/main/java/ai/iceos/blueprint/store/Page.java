package ai.iceos.blueprint.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param next where the next page starts, or null on the last page
 */
public record Page<T>(List<T> items, PageCursor next) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page of {@code limit} rows out of {@code rows}, which holds one more row when another page
   * follows.
   */
  static <R, T> Page<T> of(
      List<R> rows, int limit, Function<R, T> item, Function<R, PageCursor> cursor) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    return new Page<>(
        shown.stream().map(item).toList(), more ? cursor.apply(shown.get(limit - 1)) : null);
  }
}

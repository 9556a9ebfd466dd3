package ai.iceos.worker.seller;

/**
 * Offline listing copy: deterministic, so runs without an LLM give the same listing every time. The
 * {@code TEST} prefix marks copy that no model or human wrote.
 *
 * @param title {@code TEST <name>}, at most {@link #MAX_TITLE} characters
 * @param description the product's description, or its name when it has none
 */
public record ListingCopy(String title, String description) {
  public static final int MAX_TITLE = 80;

  public static ListingCopy offline(String name, String description) {
    String title = "TEST " + name;
    if (title.length() > MAX_TITLE) {
      title = title.substring(0, MAX_TITLE).strip();
    }
    String body = description == null || description.isBlank() ? name : description.strip();
    return new ListingCopy(title, body);
  }
}

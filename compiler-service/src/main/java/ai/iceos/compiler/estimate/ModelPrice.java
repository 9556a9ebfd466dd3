package ai.iceos.compiler.estimate;

/**
 * What a model costs, in micro-USD per million tokens (so $2.50 per 1M tokens is 2,500,000).
 *
 * @param inputPerMillion prompt tokens
 * @param outputPerMillion completion tokens
 */
public record ModelPrice(long inputPerMillion, long outputPerMillion) {
  public static final ModelPrice FREE = new ModelPrice(0, 0);

  public ModelPrice {
    if (inputPerMillion < 0 || outputPerMillion < 0) {
      throw new IllegalArgumentException("prices must be >= 0");
    }
  }
}

package ai.iceos.worker.seller;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One product as the Seller Assistant reads it from a CSV row or an object: the name from {@code
 * Product/Item} (or {@code name}, {@code title}), the cost from the first number of {@code
 * Suggested Price} (or {@code cost}, {@code price}; {@code "$1,200.50 per cs"} gives 1200.50) and
 * the description from {@code Description} (or {@code description}).
 *
 * @param cost null when the item states none
 * @param description empty when the item states none
 */
public record ProductItem(String name, BigDecimal cost, String description) {
  private static final List<String> NAME_KEYS = List.of("Product/Item", "name", "title", "product");
  private static final List<String> COST_KEYS = List.of("Suggested Price", "cost", "price");
  private static final List<String> DESCRIPTION_KEYS = List.of("Description", "description");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+");

  /** The product of an item object; empty when it has no non-blank name. */
  public static Optional<ProductItem> from(JsonNode item) {
    if (item == null || !item.isObject()) {
      return Optional.empty();
    }
    return first(item, NAME_KEYS)
        .map(JsonNode::asText)
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .map(
            name ->
                new ProductItem(
                    name,
                    first(item, COST_KEYS).flatMap(ProductItem::number).orElse(null),
                    first(item, DESCRIPTION_KEYS).map(JsonNode::asText).orElse("").strip()));
  }

  /** The first number in a JSON number or text, thousands separators ignored. */
  public static Optional<BigDecimal> number(JsonNode value) {
    if (value.isNumber()) {
      return Optional.of(value.decimalValue());
    }
    Matcher matcher = NUMBER.matcher(value.asText());
    return matcher.find()
        ? Optional.of(new BigDecimal(matcher.group().replace(",", "")))
        : Optional.empty();
  }

  private static Optional<JsonNode> first(JsonNode item, List<String> keys) {
    return keys.stream()
        .map(item::get)
        .filter(value -> value != null && !value.isNull())
        .findFirst();
  }
}

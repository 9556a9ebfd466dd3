package ai.iceos.compiler.estimate;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.regex.Pattern;

/**
 * Counts tokens the way OpenAI models do: {@code o200k_base} for gpt-4o and the o-series (o1, o3,
 * o4-mini…), {@code cl100k_base} for every other model (a fair approximation for non-OpenAI
 * models). Thread-safe; both encodings load when it is created, not on the first request.
 */
public final class TokenCounter {
  private static final Pattern O200K_MODELS = Pattern.compile("(gpt-4o|o\\d).*");

  private final Encoding o200k;
  private final Encoding cl100k;

  public TokenCounter() {
    EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
    this.o200k = registry.getEncoding(EncodingType.O200K_BASE);
    this.cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
  }

  public int count(String model, String text) {
    return (O200K_MODELS.matcher(model).matches() ? o200k : cl100k).countTokens(text);
  }
}

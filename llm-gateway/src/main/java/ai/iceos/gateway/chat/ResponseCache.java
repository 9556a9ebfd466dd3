package ai.iceos.gateway.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Exact-match answers of deterministic requests, per gateway replica, for {@code ttl}. The key is
 * the SHA-256 of the canonical request: model, messages, tools, tool choice, temperature, output
 * limit, response format and stop sequences as JSON with sorted properties (JSON objects inside,
 * such as tool schemas, keep their order: the match is exact).
 */
public final class ResponseCache {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

  private final Cache<String, ChatResponse> answers;

  public ResponseCache(Duration ttl, long maxEntries) {
    this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
  }

  /**
   * Whether {@code request} may be answered from the cache: the client said so ({@code
   * X-Iceos-Cache: true}), or did not say no ({@code false}) and asked for temperature 0.
   */
  public static boolean applies(ChatRequest request, String cacheHeader) {
    if (cacheHeader != null && !cacheHeader.isBlank()) {
      return Boolean.parseBoolean(cacheHeader.strip());
    }
    return request.temperature() != null && request.temperature() == 0.0;
  }

  public Optional<ChatResponse> find(ChatRequest request) {
    return Optional.ofNullable(answers.getIfPresent(key(request)));
  }

  public void put(ChatRequest request, ChatResponse response) {
    answers.put(key(request), response);
  }

  static String key(ChatRequest request) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(request);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot key a request", e);
    }
  }
}

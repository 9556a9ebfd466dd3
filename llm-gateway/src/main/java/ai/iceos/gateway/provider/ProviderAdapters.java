package ai.iceos.gateway.provider;

import ai.iceos.gateway.GatewayConfig;
import ai.iceos.gateway.budget.TokenMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.InstantSource;
import java.util.Objects;

/** Builds the adapter that speaks an endpoint's wire format, guarded by its resilience policy. */
public final class ProviderAdapters {
  private final ProviderHttp http;
  private final TokenMeter meter;
  private final ObjectMapper json;
  private final GatewayConfig.Resilience policy;
  private final InstantSource clock;

  public ProviderAdapters(
      ProviderHttp http,
      TokenMeter meter,
      ObjectMapper json,
      GatewayConfig.Resilience policy,
      InstantSource clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.meter = Objects.requireNonNull(meter, "meter");
    this.json = Objects.requireNonNull(json, "json");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public LlmProvider adapterFor(ProviderEndpoint endpoint) {
    LlmProvider adapter =
        switch (endpoint.format()) {
          case OPENAI -> new OpenAiProvider(endpoint, http, meter, json);
          case ANTHROPIC -> new AnthropicProvider(endpoint, http, json);
          case GOOGLE -> new GoogleProvider(endpoint, http, json);
        };
    return new GuardedProvider(adapter, policy, clock);
  }
}

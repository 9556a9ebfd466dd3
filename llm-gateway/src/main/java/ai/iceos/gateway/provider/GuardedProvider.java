package ai.iceos.gateway.provider;

import ai.iceos.gateway.GatewayConfig;
import ai.iceos.gateway.chat.ChatDelta;
import ai.iceos.gateway.chat.ChatRequest;
import ai.iceos.gateway.chat.ChatResponse;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A provider behind its own circuit breaker (SmallRye Fault Tolerance, named {@code
 * provider-<name>}), with a time limit per attempt and retries with exponential backoff and jitter
 * that honour {@code Retry-After}. Only retryable failures (429, 408, 5xx, timeouts, lost
 * connections) count against the breaker and are retried; an open breaker or exhausted retries end
 * in {@link ProviderUnavailable}. A stream is refused while the breaker is open but not retried
 * (its first bytes may already be on their way to the client).
 */
public final class GuardedProvider implements LlmProvider {
  private final LlmProvider delegate;
  private final TypedGuard<Uni<ChatResponse>> guard;
  private final String breakerName;
  private final Duration breakerDelay;
  private final Duration fallbackRetryAfter;
  private final InstantSource clock;
  private volatile Instant openedAt = Instant.EPOCH;

  public GuardedProvider(
      LlmProvider delegate, GatewayConfig.Resilience policy, InstantSource clock) {
    this.delegate = delegate;
    this.clock = clock;
    this.breakerName = "provider-" + delegate.name();
    this.breakerDelay = policy.breakerDelay();
    this.fallbackRetryAfter = policy.initialBackoff();
    Backoff backoff = new Backoff(policy.initialBackoff(), policy.maxBackoff());
    this.guard =
        TypedGuard.create(new TypeLiteral<Uni<ChatResponse>>() {})
            .withDescription(breakerName)
            .withRetry()
            .maxRetries(policy.maxRetries())
            .maxDuration(Duration.ofDays(1).toMillis(), ChronoUnit.MILLIS)
            .whenException(
                failure -> retryable(failure) && backoff.worthWaiting(retryAfter(failure)))
            .withCustomBackoff()
            .strategy(() -> new RetryDelays(backoff))
            .done()
            .done()
            .withCircuitBreaker()
            .name(breakerName)
            .requestVolumeThreshold(policy.breakerWindow())
            .failureRatio(policy.breakerFailureRatio())
            .delay(policy.breakerDelay().toMillis(), ChronoUnit.MILLIS)
            .successThreshold(1)
            .when(GuardedProvider::retryable)
            .onStateChange(this::stateChanged)
            .done()
            .withTimeout()
            .duration(policy.timeout().toMillis(), ChronoUnit.MILLIS)
            .done()
            // the guarded Uni never blocks: no hop through an executor before and after each call
            .withThreadOffload(false)
            .build();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Uni<ChatResponse> complete(ChatRequest request) {
    return guard
        .get(() -> delegate.complete(request))
        .onFailure(GuardedProvider::unavailable)
        .transform(this::asUnavailable);
  }

  @Override
  public Optional<ProviderUnavailable> openBreaker() {
    return state() == CircuitBreakerState.OPEN
        ? Optional.of(asUnavailable(new CircuitBreakerOpenException()))
        : Optional.empty();
  }

  @Override
  public Multi<ChatDelta> stream(ChatRequest request) {
    Optional<ProviderUnavailable> refused = openBreaker();
    if (refused.isPresent()) {
      return Multi.createFrom().failure(refused.get());
    }
    return delegate.stream(request);
  }

  /** The breaker's state now. */
  public CircuitBreakerState state() {
    return CircuitBreakerMaintenance.get().currentState(breakerName);
  }

  private void stateChanged(CircuitBreakerState state) {
    if (state == CircuitBreakerState.OPEN) {
      openedAt = clock.instant();
    }
    Log.infof("Circuit breaker of provider %s is now %s", delegate.name(), state);
  }

  private static boolean unavailable(Throwable failure) {
    return failure instanceof CircuitBreakerOpenException || retryable(failure);
  }

  private static boolean retryable(Throwable failure) {
    return failure instanceof TimeoutException
        || failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
        || (failure instanceof ProviderFailure provider && provider.retryable());
  }

  private static Optional<Duration> retryAfter(Throwable failure) {
    return failure instanceof ProviderFailure provider ? provider.retryAfter() : Optional.empty();
  }

  private ProviderUnavailable asUnavailable(Throwable failure) {
    if (failure instanceof CircuitBreakerOpenException) {
      Duration left = breakerDelay.minus(Duration.between(openedAt, clock.instant()));
      return new ProviderUnavailable(
          name(), left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left, false);
    }
    boolean rateLimited = failure instanceof ProviderFailure provider && provider.rateLimited();
    return new ProviderUnavailable(
        name(), retryAfter(failure).orElse(fallbackRetryAfter), rateLimited);
  }

  /** One per call: counts the retries of that call. */
  private static final class RetryDelays implements CustomBackoffStrategy {
    private final Backoff backoff;
    private int retry;

    RetryDelays(Backoff backoff) {
      this.backoff = backoff;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
      return backoff
          .delay(retry++, retryAfter(cause), () -> ThreadLocalRandom.current().nextDouble())
          .toMillis();
    }
  }
}

package ai.iceos.gateway.resilience;

import ai.iceos.gateway.provider.fake.FakeOpenAi;
import ai.iceos.gateway.provider.fake.FakeProviderServer;
import ai.iceos.gateway.provider.fake.FakeReply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenAI-compatible fake provider {@code fakeai} that a test can make fail (503 with {@code
 * Retry-After: 1}) or recover over HTTP: {@code POST /control/fail}, {@code POST /control/recover};
 * {@code POST /control/calls} answers {@code {"calls": n}}, the chat calls received so far. After
 * {@code POST /control/gate} a stream sends its first two events (role, first word) and holds the
 * rest until {@code POST /control/open}; after {@code POST /control/cut} the next stream sends its
 * role and first three words, then the connection is closed. Models {@code fake-*} route to it;
 * {@code fake-primary} falls back to the offline {@code echo-fallback}.
 */
public final class FailingProviderResource implements QuarkusTestResourceLifecycleManager {
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
  private final AtomicBoolean cutNext = new AtomicBoolean();
  private FakeProviderServer fake;

  @Override
  public Map<String, String> start() {
    fake = new FakeProviderServer(this::answer);
    Map<String, String> config = new HashMap<>();
    config.put("iceos.gateway.providers.fakeai.base-url", fake.baseUrl("/v1"));
    config.put("iceos.gateway.providers.fakeai.api-key", "sk-fake");
    config.put("fake-provider.control-url", fake.baseUrl("/control"));
    return config;
  }

  private FakeReply answer(FakeProviderServer.Recorded request) {
    switch (request.path()) {
      case "/control/fail" -> failing.set(true);
      case "/control/recover" -> failing.set(false);
      case "/control/gate" -> gate.set(new CountDownLatch(1));
      case "/control/cut" -> cutNext.set(true);
      case "/control/open" -> {
        CountDownLatch closed = gate.getAndSet(null);
        if (closed != null) {
          closed.countDown();
        }
      }
      case "/control/calls" -> {
        return FakeReply.json("{\"calls\": " + calls.get() + "}");
      }
      default -> {
        calls.incrementAndGet();
        if (failing.get()) {
          return FakeReply.status(503, Map.of("Retry-After", "1"));
        }
        FakeReply reply = FakeOpenAi.answer(request);
        if (reply instanceof FakeReply.Events events && cutNext.getAndSet(false)) {
          return new FakeReply.Cut(events, 4);
        }
        CountDownLatch closed = gate.get();
        return closed != null && reply instanceof FakeReply.Events events
            ? new FakeReply.Gated(events, 2, closed)
            : reply;
      }
    }
    return FakeReply.json("{}");
  }

  @Override
  public void stop() {
    if (fake != null) {
      fake.close();
    }
  }
}

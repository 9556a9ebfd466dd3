package ai.iceos.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed rate, safe from coordinated omission: request {@code i} is due at
 * {@code start + i / rate} whatever happened to earlier ones, is sent at that time (or at once when
 * the sender is late), and its latency is counted from that intended time to the last byte of the
 * answer. A slow server therefore shows up as latency, not as a lower request rate. Connections are
 * pooled and kept alive (up to 1,024), as a client library would.
 *
 * <p>Requests are issued from the pacing thread, not from an event loop, so the response's body is
 * asked for inside the {@code send} callback: registered one level further out, that callback is
 * queued as a separate event-loop task, the answer can end before it runs, and {@code body()} then
 * never completes (nor times out, the response being over). That race left 0.1–8 % of requests
 * "unanswered" although the server had answered them all (Vert.x issue #4705).
 */
final class OpenLoop implements AutoCloseable {
  private static final long TIMEOUT_MS = 10_000;
  private static final long HIGHEST_US = TimeUnit.SECONDS.toMicros(60);

  private final HttpClient client;
  private final Buffer body;

  OpenLoop(Vertx vertx, String body) {
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(1024)
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout((int) TIMEOUT_MS));
    this.body = Buffer.buffer(body);
  }

  /** Sends {@code rate} requests per second to {@code target} for {@code duration}. */
  StepResult run(Target target, int rate, Duration duration) throws InterruptedException {
    long total = rate * duration.toSeconds();
    Recorder recorder = new Recorder(HIGHEST_US, 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong open = new AtomicLong(total);
    Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(target.url())
            .setTimeout(TIMEOUT_MS)
            .putHeader("Content-Type", "application/json");
    target.headers().forEach(options::putHeader);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * 1e9 / rate);
      for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
        LockSupport.parkNanos(due - now);
      }
      client
          .request(options)
          .compose(
              request ->
                  request
                      .send(body)
                      .compose(response -> response.body().map(ignored -> response.statusCode())))
          .onComplete(
              answer -> {
                if (answer.succeeded() && answer.result() == 200) {
                  recorder.recordValue(Math.min(HIGHEST_US, (System.nanoTime() - due) / 1000));
                  ok.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                  reasons
                      .computeIfAbsent(
                          answer.succeeded()
                              ? "HTTP " + answer.result()
                              : answer.cause().getClass().getSimpleName(),
                          reason -> new LongAdder())
                      .increment();
                }
                open.decrementAndGet();
              });
    }
    long sentAt = System.nanoTime();
    long drainUntil = sentAt + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS + 1000);
    while (open.get() > 0 && System.nanoTime() < drainUntil) {
      Thread.sleep(5);
    }
    long unanswered = open.get();
    double seconds = duration.toNanos() / 1e9;
    return new StepResult(
        target.name(),
        rate,
        seconds,
        total,
        ok.get(),
        failed.get() + unanswered,
        recorder.getIntervalHistogram(),
        failures(reasons, unanswered));
  }

  private static Map<String, Long> failures(Map<String, LongAdder> reasons, long unanswered) {
    Map<String, Long> counts = new TreeMap<>();
    reasons.forEach((reason, count) -> counts.put(reason, count.sum()));
    if (unanswered > 0) {
      counts.put("unanswered", unanswered);
    }
    return counts;
  }

  @Override
  public void close() throws Exception {
    client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

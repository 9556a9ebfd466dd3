package ai.iceos.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback provider speaking the OpenAI Chat Completions wire format: every {@code POST
 * /v1/chat/completions} is answered at once with the same canned {@code chat.completion} (with
 * {@code usage}), from a buffer built once. One Vert.x event loop; it does no parsing, so it is not
 * what limits a measurement (the direct calls show its own cost).
 */
final class FakeOpenAi implements AutoCloseable {
  static final String MODEL = "gpt-4o-mini";

  private static final Buffer ANSWER =
      Buffer.buffer(
          "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
              + "\"model\":\""
              + MODEL
              + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
              + "\"content\":\"pong\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":1,\"total_tokens\":12}}");

  private final HttpServer server;
  private final LongAdder served;

  private FakeOpenAi(HttpServer server, LongAdder served) {
    this.server = server;
    this.served = served;
  }

  static FakeOpenAi start(Vertx vertx) throws Exception {
    LongAdder served = new LongAdder();
    HttpServer server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request ->
                    request.endHandler(
                        ignored -> {
                          served.increment();
                          request
                              .response()
                              .putHeader("Content-Type", "application/json")
                              .end(ANSWER);
                        }));
    server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new FakeOpenAi(server, served);
  }

  /** The base URL an OpenAI client is configured with, e.g. {@code http://127.0.0.1:4711/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v1";
  }

  long served() {
    return served.sum();
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

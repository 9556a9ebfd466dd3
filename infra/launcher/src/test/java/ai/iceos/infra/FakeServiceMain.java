package ai.iceos.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Quarkus service in launcher tests: listens on {@code QUARKUS_HTTP_PORT}, answers
 * {@code /q/health/ready} and echoes its environment at {@code /env/<NAME>}. Packaged by {@link
 * FakeService} as a {@code quarkus-run.jar}; JDK classes only.
 */
public final class FakeServiceMain {
  private FakeServiceMain() {}

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
    HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
    server.createContext("/q/health/ready", exchange -> answer(exchange, "UP"));
    server.createContext(
        "/env/",
        exchange -> {
          String name = exchange.getRequestURI().getPath().substring("/env/".length());
          answer(exchange, String.valueOf(System.getenv(name)));
        });
    server.start();
  }

  private static void answer(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

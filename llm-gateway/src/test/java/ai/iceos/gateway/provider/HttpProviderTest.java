package ai.iceos.gateway.provider;

import ai.iceos.gateway.provider.fake.FakeProviderServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;

/**
 * The contract tests of an HTTP adapter against a fake of its vendor on a loopback port; one fake
 * and one Vert.x instance per test class.
 */
abstract class HttpProviderTest extends LlmProviderContractTest {
  protected static final String KEY = "sk-test-not-a-real-key";
  private static final Vertx VERTX = Vertx.vertx();
  protected static final ProviderHttp HTTP =
      new ProviderHttp(VERTX, new ObjectMapper(), InstantSource.system(), Duration.ofSeconds(10));

  protected static FakeProviderServer fake;

  @AfterAll
  static void stopFake() {
    if (fake != null) {
      fake.close();
      fake = null;
    }
  }
}

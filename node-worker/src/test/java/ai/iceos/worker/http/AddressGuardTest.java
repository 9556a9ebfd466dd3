package ai.iceos.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
  private final AddressGuard guard = new AddressGuard(List.of("Internal.Example"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1"
      })
  void shouldRefuseNonPublicAddresses(String address) throws Exception {
    assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"})
  void shouldAcceptPublicAddresses(String address) throws Exception {
    assertThat(AddressGuard.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void shouldRefuseLiteralPrivateUrlsAndPlainHttp() {
    assertThatThrownBy(() -> guard.check(URI.create("https://169.254.169.254/latest/meta-data")))
        .hasMessageContaining("non-public address 169.254.169.254");
    assertThatThrownBy(() -> guard.check(URI.create("http://8.8.8.8/")))
        .hasMessageContaining("plain http");
    assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd")))
        .hasMessageContaining("only absolute http(s) URLs");
    assertThatThrownBy(() -> guard.check(URI.create("https://[::1]:8443/")))
        .hasMessageContaining("non-public address");
  }

  @Test
  void shouldLetAllowListedHostsThroughWhateverTheirAddress() {
    assertThatCode(() -> guard.check(URI.create("http://internal.example:8080/x")))
        .doesNotThrowAnyException();
    assertThatCode(() -> guard.check(URI.create("https://8.8.8.8/"))).doesNotThrowAnyException();
  }
}

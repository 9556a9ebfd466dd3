package ai.iceos.worker.http;

import ai.iceos.worker.tool.ToolException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether the worker may call a URL (SSRF protection): only {@code https}, and only hosts
 * whose every resolved address is public. Loopback, private (RFC 1918, unique-local), link-local
 * (cloud metadata), carrier-grade NAT, multicast and unspecified addresses are refused.
 * Allow-listed hosts skip both rules. Resolution is blocking: call it off the event loop.
 */
public final class AddressGuard {
  private final Set<String> allowedHosts;

  public AddressGuard(Collection<String> allowedHosts) {
    this.allowedHosts =
        allowedHosts.stream()
            .map(host -> host.strip().toLowerCase(Locale.ROOT))
            .filter(host -> !host.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @throws ToolException a non-retryable {@code validation} failure naming the refused host
   */
  public void check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw refused("only absolute http(s) URLs are allowed: " + redacted(uri));
    }
    String key = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
    if (allowedHosts.contains(key)) {
      return;
    }
    if (!scheme.equals("https")) {
      throw refused("plain http is allowed only for allow-listed hosts: " + key);
    }
    for (InetAddress address : resolve(key)) {
      if (!isPublic(address)) {
        throw refused(
            "host '" + key + "' resolves to a non-public address " + address.getHostAddress());
      }
    }
  }

  /** Whether an address is routable on the public internet. */
  public static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      boolean carrierNat = first == 100 && second >= 64 && second <= 127;
      boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0);
      return !carrierNat && !reserved;
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
      boolean mappedV4 = isMappedV4(bytes);
      return !uniqueLocal && !mappedV4;
    }
    return false;
  }

  /** IPv4-mapped IPv6 addresses are refused rather than unwrapped. */
  private static boolean isMappedV4(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }

  private static InetAddress[] resolve(String host) {
    try {
      return InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new ToolException("http-error", "Cannot resolve host '" + host + "'", true);
    }
  }

  /** A URL without user info, query or fragment, for messages (they may carry secrets). */
  static String redacted(URI uri) {
    return (uri.getScheme() == null ? "" : uri.getScheme() + "://")
        + (uri.getHost() == null ? "" : uri.getHost())
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static ToolException refused(String message) {
    return new ToolException("validation", "URL refused: " + message, false);
  }
}

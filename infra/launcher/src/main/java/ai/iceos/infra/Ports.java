package ai.iceos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port probing for the local system: ephemeral picks and fail-fast checks of fixed ports. */
public final class Ports {
  private Ports() {}

  /** A port that was free a moment ago (the OS picks it); good enough on one machine. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  /** {@code port} itself, or a free port when it is 0. */
  public static int orFree(int port) {
    return port == 0 ? free() : port;
  }

  /** Whether something can listen on {@code port} on every interface right now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Fails fast with a message naming what needs the port and how to move it.
   *
   * @param what e.g. {@code "blueprint-service"}
   * @param envVar the variable that overrides the port, e.g. {@code BLUEPRINT_PORT}
   */
  public static void requireFree(String what, int port, String envVar) {
    if (!isFree(port)) {
      throw new PortTakenException(
          "port "
              + port
              + " for "
              + what
              + " is already in use; stop whatever listens there (is iceOS already running? try"
              + " infra/local/stop) or choose another port with "
              + envVar
              + "=<port>");
    }
  }

  /** A fixed port the local system needs is taken by another process. */
  public static final class PortTakenException extends IllegalStateException {
    PortTakenException(String message) {
      super(message);
    }
  }
}

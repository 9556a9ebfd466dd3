package ai.iceos.bench;

/** {@code --name value} command-line options of the benchmark mains. */
public final class Options {
  private Options() {}

  public static String of(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}

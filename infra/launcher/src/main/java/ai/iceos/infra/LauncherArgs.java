package ai.iceos.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Command line of {@link LocalSystemMain}.
 *
 * @param projectRoot repository root ({@code --root}, default: the working directory)
 * @param dataDir persistent data, logs, pid and ready files ({@code --data-dir}, default {@code
 *     <root>/.local-run})
 * @param services {@code --services all|none|<name>,<name>…} (default all)
 * @param demo {@code --demo}: submit the demo blueprint once everything is ready
 * @param demoFile {@code --demo-file} (default {@code <root>/infra/local/demo-blueprint.json})
 * @param help {@code -h} / {@code --help}
 */
public record LauncherArgs(
    Path projectRoot,
    Path dataDir,
    Set<Service> services,
    boolean demo,
    Path demoFile,
    boolean help) {

  public static final String USAGE =
      """
      usage: LocalSystemMain [--root DIR] [--data-dir DIR] [--services all|none|NAME,NAME...]
                             [--demo] [--demo-file FILE]
        Starts PostgreSQL, a KRaft Kafka broker, the topics and the services, and runs until
        SIGTERM/Ctrl-C. Ports come from KAFKA_PORT, KAFKA_CONTROLLER_PORT, POSTGRES_PORT and
        <SERVICE>_PORT (e.g. BLUEPRINT_SERVICE_PORT).""";

  public LauncherArgs {
    EnumSet<Service> ordered = EnumSet.noneOf(Service.class);
    ordered.addAll(services);
    services = Collections.unmodifiableSet(ordered);
  }

  /** Parses {@code args}; relative paths resolve against {@code workingDir}. */
  public static LauncherArgs parse(List<String> args, Path workingDir) {
    Path root = null;
    Path dataDir = null;
    Path demoFile = null;
    Set<Service> services = EnumSet.allOf(Service.class);
    boolean demo = false;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--root" -> root = workingDir.resolve(value(args, ++i, arg));
        case "--data-dir" -> dataDir = workingDir.resolve(value(args, ++i, arg));
        case "--services" -> services = parseServices(value(args, ++i, arg));
        case "--demo" -> demo = true;
        case "--demo-file" -> demoFile = workingDir.resolve(value(args, ++i, arg));
        case "-h", "--help" -> help = true;
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
      }
    }
    Path projectRoot = (root == null ? workingDir : root).toAbsolutePath().normalize();
    return new LauncherArgs(
        projectRoot,
        dataDir == null ? projectRoot.resolve(".local-run") : dataDir.toAbsolutePath().normalize(),
        services,
        demo,
        demoFile == null ? projectRoot.resolve("infra/local/demo-blueprint.json") : demoFile,
        help);
  }

  /** {@code all}, {@code none}, or a comma-separated list of module names. */
  static Set<Service> parseServices(String value) {
    return switch (value.strip()) {
      case "all" -> EnumSet.allOf(Service.class);
      case "none", "" -> EnumSet.noneOf(Service.class);
      default -> {
        EnumSet<Service> chosen = EnumSet.noneOf(Service.class);
        Arrays.stream(value.split(",")).map(Service::byName).forEach(chosen::add);
        yield chosen;
      }
    };
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args.get(index);
  }
}

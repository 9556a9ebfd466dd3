package ai.iceos.infra;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * @param demo {@code --demo}: run the demo blueprints once everything is ready
 * @param demoFiles {@code --demo-file}, repeatable (default {@link #DEFAULT_DEMOS} under the root)
 * @param help {@code -h} / {@code --help}
 */
public record LauncherArgs(
    Path projectRoot,
    Path dataDir,
    Set<Service> services,
    boolean demo,
    List<Path> demoFiles,
    boolean help) {

  /** The demos {@code --demo} runs, in order, relative to the project root. */
  public static final List<String> DEFAULT_DEMOS =
      List.of("infra/local/demo-blueprint.json", "examples/seller-assistant.json");

  public static final String USAGE =
      """
      usage: LocalSystemMain [--root DIR] [--data-dir DIR] [--services all|none|NAME,NAME...]
                             [--demo] [--demo-file FILE]...
        Starts PostgreSQL, a KRaft Kafka broker, the topics and the services, and runs until
        SIGTERM/Ctrl-C. Ports come from KAFKA_PORT, KAFKA_CONTROLLER_PORT, POSTGRES_PORT and
        <SERVICE>_PORT (e.g. BLUEPRINT_SERVICE_PORT).""";

  public LauncherArgs {
    EnumSet<Service> ordered = EnumSet.noneOf(Service.class);
    ordered.addAll(services);
    services = Collections.unmodifiableSet(ordered);
    demoFiles = List.copyOf(demoFiles);
  }

  /** Parses {@code args}; relative paths resolve against {@code workingDir}. */
  public static LauncherArgs parse(List<String> args, Path workingDir) {
    Path root = null;
    Path dataDir = null;
    List<Path> demoFiles = new ArrayList<>();
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
        case "--demo-file" -> demoFiles.add(workingDir.resolve(value(args, ++i, arg)));
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
        demoFiles.isEmpty() ? DEFAULT_DEMOS.stream().map(projectRoot::resolve).toList() : demoFiles,
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

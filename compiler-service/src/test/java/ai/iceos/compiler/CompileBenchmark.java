package ai.iceos.compiler;

import ai.iceos.compiler.compile.CompileResult;
import ai.iceos.compiler.compile.PlanCompiler;
import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long compiling a 1,000-node blueprint takes (validation, levels, plan, cost estimate), in
 * three shapes: a chain of llm nodes (1,000 levels, a template and a tokenized prompt each), a wide
 * fan of tool nodes reading one root, and 100 loops of 9 nested nodes. Not a test: run it with
 * {@code java -cp <test classpath> ai.iceos.compiler.CompileBenchmark [warmup] [measured]}; it
 * prints p50, p95 and max per shape. The bench module runs it for BENCHMARKS.md.
 */
public final class CompileBenchmark {
  private CompileBenchmark() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    PlanCompiler compiler = Fixtures.compiler();
    report("1000-node llm chain", chain(1000), compiler, warmup, measured);
    report("1000-node tool fan", fan(1000), compiler, warmup, measured);
    report("100 loops x 9 nested nodes", loops(100, 9), compiler, warmup, measured);
  }

  private static void report(
      String shape, ObjectNode document, PlanCompiler compiler, int warmup, int measured) {
    long[] nanos = new long[measured];
    for (int i = 0; i < warmup + measured; i++) {
      long started = System.nanoTime();
      CompileResult result = compiler.compile(document);
      long took = System.nanoTime() - started;
      if (!(result instanceof CompileResult.Compiled)) {
        throw new IllegalStateException(shape + " did not compile: " + result);
      }
      if (i >= warmup) {
        nanos[i - warmup] = took;
      }
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-28s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (n=%d)%n",
        shape,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        measured);
  }

  static ObjectNode chain(int n) {
    ObjectNode document = IceosJson.mapper().createObjectNode();
    ArrayNode nodes = document.putArray("nodes");
    for (int i = 0; i < n; i++) {
      ObjectNode node = nodes.addObject().put("id", "n" + i).put("type", "llm");
      String text = i == 0 ? "{{ inputs.topic }}" : "{{ n" + (i - 1) + ".text }}";
      node.put("model", "gpt-4o").put("prompt", "Continue the story: " + text);
      if (i > 0) {
        node.putArray("dependencies").add("n" + (i - 1));
      }
    }
    return document;
  }

  static ObjectNode fan(int n) {
    ObjectNode document = IceosJson.mapper().createObjectNode();
    ArrayNode nodes = document.putArray("nodes");
    nodes.addObject().put("id", "root").put("type", "tool").put("tool_name", "csv_loader");
    for (int i = 1; i < n; i++) {
      ObjectNode node = nodes.addObject().put("id", "n" + i).put("type", "tool");
      node.put("tool_name", "echo").putObject("tool_args").put("row", "{{ root.rows[" + i + "] }}");
      node.putArray("dependencies").add("root");
    }
    return document;
  }

  static ObjectNode loops(int loops, int bodySize) {
    ObjectNode document = IceosJson.mapper().createObjectNode();
    ArrayNode nodes = document.putArray("nodes");
    for (int l = 0; l < loops; l++) {
      ObjectNode loop = nodes.addObject().put("id", "loop" + l).put("type", "loop");
      loop.put("items_source", "inputs.items").put("item_var", "row").put("max_iterations", 10);
      ArrayNode body = loop.putArray("body");
      for (int b = 0; b < bodySize; b++) {
        ObjectNode node = body.addObject().put("id", "l" + l + "b" + b).put("type", "tool");
        node.put("tool_name", "echo")
            .putObject("tool_args")
            .put("row", "{{ row }} {{ loop_index }}");
        if (b > 0) {
          node.putArray("dependencies").add("l" + l + "b" + (b - 1));
        }
      }
    }
    return document;
  }
}

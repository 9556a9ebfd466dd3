package ai.iceos.compiler.validate;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.TreeParser;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jinjava.de.odysseus.el.tree.IdentifierNode;
import jinjava.de.odysseus.el.tree.TreeBuilderException;

/**
 * Parses a template with the same library that renders it (Jinjava) without rendering it, and
 * collects the root variables it reads. Expressions are read from {@code {{ }}} blocks and from the
 * {@code if}, {@code elif}, {@code for} and {@code set} tags; names bound by {@code for}, {@code
 * set} and {@code macro} anywhere in the template count as defined by the template. Thread-safe.
 */
final class TemplateScanner {
  private static final Set<String> LANGUAGE_NAMES = Set.of("loop", "none", "None", "True", "False");
  private static final String FILTER_PREFIX = "filter:";
  private static final String TEST_PREFIX = "exptest:";

  /** {@code inputs.name} or {@code inputs['name']}: the run input a template reads. */
  private static final Pattern INPUT_KEY =
      Pattern.compile(
          "(?<![\\w.])inputs\\s*(?:\\.\\s*([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([^'\"]+)['\"]\\s*\\])");

  private final Jinjava jinjava = new Jinjava();

  /** Scans one template; for many, a {@link Batch} is much cheaper. */
  TemplateScan scan(String template) {
    return batch().scan(template);
  }

  /** Whether {@code text} has a block, an expression or a comment, so it needs parsing. */
  static boolean isTemplate(String text) {
    return text.contains("{{") || text.contains("{%") || text.contains("{#");
  }

  /** Scans many templates with one interpreter; not shared between threads. */
  Batch batch() {
    return new Batch();
  }

  /** Templates scanned with one interpreter, whose creation dominates the cost of a scan. */
  final class Batch {
    private JinjavaInterpreter interpreter;

    TemplateScan scan(String template) {
      if (!isTemplate(template)) {
        return TemplateScan.PLAIN_TEXT;
      }
      if (interpreter == null) {
        interpreter = jinjava.newInterpreter();
      }
      Node root = new TreeParser(interpreter, template).buildTree();
      Optional<String> parseError = drainSyntaxErrors();
      if (parseError.isPresent()) {
        return TemplateScan.failed(parseError.get());
      }
      Walk walk = new Walk();
      try {
        walk.visit(root);
      } catch (TreeBuilderException e) {
        return TemplateScan.failed(e.getMessage());
      }
      if (walk.unknownOperator != null) {
        return TemplateScan.failed(walk.unknownOperator);
      }
      walk.reads.removeAll(walk.defined);
      walk.reads.removeAll(LANGUAGE_NAMES);
      return TemplateScan.names(
          walk.reads, walk.defined.contains("inputs") ? Set.of() : walk.inputKeys);
    }

    /**
     * Scans an expression without braces ({@code score > 5 and inputs.mode == 'fast'}). An empty
     * expression is a syntax error.
     */
    TemplateScan scanExpression(String expression) {
      if (expression.isBlank()) {
        return TemplateScan.failed("the expression is empty");
      }
      return scan("{{ " + expression + " }}");
    }

    /** Removes this template's errors from the interpreter; returns the first syntax error. */
    private Optional<String> drainSyntaxErrors() {
      Optional<String> first = Optional.empty();
      for (int left = interpreter.getErrors().size(); left > 0; left--) {
        TemplateError last = interpreter.getLastError().orElseThrow();
        if (last.getReason() == ErrorReason.SYNTAX_ERROR) {
          first = Optional.of(last.getMessage());
        }
        interpreter.removeLastError();
      }
      return first;
    }
  }

  /** One traversal of a template's tree; not shared between threads. */
  private final class Walk {
    private final Set<String> reads = new LinkedHashSet<>();
    private final Set<String> defined = new LinkedHashSet<>();
    private final Set<String> inputKeys = new LinkedHashSet<>();
    private final ExtendedSyntaxBuilder builder = new ExtendedSyntaxBuilder();
    private String unknownOperator;

    void visit(Node node) {
      if (node instanceof ExpressionNode expression) {
        expression(((ExpressionToken) expression.getMaster()).getExpr());
      } else if (node instanceof TagNode tag) {
        tag(tag.getName(), tag.getHelpers().trim());
      }
      for (Node child : node.getChildren()) {
        visit(child);
      }
    }

    private void tag(String name, String helpers) {
      switch (name) {
        case "if", "elif" -> expression(helpers);
        case "for" -> forTag(helpers);
        case "set" -> setTag(helpers);
        case "macro" -> macroTag(helpers);
        default -> {
          // Other tags (raw, call, include…) are rendered as written; their names are not read.
        }
      }
    }

    private void forTag(String helpers) {
      int in = helpers.indexOf(" in ");
      if (in < 0) {
        expression(helpers);
        return;
      }
      define(helpers.substring(0, in));
      expression(helpers.substring(in + 4).replaceFirst("\\s+recursive\\s*$", ""));
    }

    private void setTag(String helpers) {
      int equals = helpers.indexOf('=');
      if (equals < 0) {
        define(helpers);
        return;
      }
      define(helpers.substring(0, equals));
      expression(helpers.substring(equals + 1));
    }

    private void macroTag(String helpers) {
      int paren = helpers.indexOf('(');
      define(paren < 0 ? helpers : helpers.substring(0, paren));
      if (paren >= 0) {
        String params = helpers.substring(paren + 1).replaceFirst("\\)\\s*$", "");
        for (String param : params.split(",")) {
          define(param.split("=")[0]);
        }
      }
    }

    private void define(String names) {
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          defined.add(name.trim());
        }
      }
    }

    private void expression(String expression) {
      Matcher input = INPUT_KEY.matcher(expression);
      while (input.find()) {
        inputKeys.add(input.group(1) != null ? input.group(1) : input.group(2));
      }
      for (IdentifierNode identifier :
          builder.build("#{" + expression + "}").getIdentifierNodes()) {
        read(identifier.getName());
      }
    }

    private void read(String name) {
      if (name.startsWith(FILTER_PREFIX)) {
        String filter = name.substring(FILTER_PREFIX.length());
        if (jinjava.getGlobalContext().getFilter(filter) == null && unknownOperator == null) {
          unknownOperator = "Unknown filter '" + filter + "'";
        }
      } else if (name.startsWith(TEST_PREFIX)) {
        String test = name.substring(TEST_PREFIX.length());
        if (jinjava.getGlobalContext().getExpTest(test) == null && unknownOperator == null) {
          unknownOperator = "Unknown test '" + test + "'";
        }
      } else if (!name.startsWith("____")) {
        reads.add(name);
      }
    }
  }
}

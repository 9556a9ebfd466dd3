package ai.iceos.worker.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.lib.expression.DefaultExpressionStrategy;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.mode.ExecutionMode;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Jinjava's strict mode rejects every {@code {{ expr }}} that evaluates to {@code null}, which also
 * rejects a name that is defined with the value {@code null}. This mode keeps the strict check but
 * prints such a defined {@code null} (a plain path judged by {@link NullPaths} against the names
 * visible where the expression stands, loop variables included) as the empty string.
 */
final class NullAwareExecutionMode implements ExecutionMode {
  @Override
  public void prepareContext(Context context) {
    context.setExpressionStrategy(new NullAwareExpressionStrategy());
  }

  private static final class NullAwareExpressionStrategy implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;
    private final ExpressionStrategy delegate = new DefaultExpressionStrategy();

    @Override
    public RenderedOutputNode interpretOutput(
        ExpressionToken token, JinjavaInterpreter interpreter) {
      try {
        return delegate.interpretOutput(token, interpreter);
      } catch (UnknownTokenException e) {
        if (NullPaths.judge(e.getToken(), visibleNames(interpreter.getContext()))
            instanceof NullPaths.DefinedNull) {
          return new RenderedOutputNode("");
        }
        throw e;
      }
    }

    private static Map<String, Object> visibleNames(Context context) {
      Deque<Context> chain = new ArrayDeque<>();
      for (Context c = context; c != null; c = c.getParent()) {
        chain.push(c);
      }
      Map<String, Object> names = new HashMap<>();
      chain.forEach(c -> names.putAll(c.getScope()));
      return names;
    }
  }
}

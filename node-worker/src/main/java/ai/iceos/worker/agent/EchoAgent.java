package ai.iceos.worker.agent;

import jakarta.inject.Singleton;
import java.util.List;

/** The example agent: hands its task to the {@code echo} tool and reports what came back. */
@Singleton
final class EchoAgent implements AgentDefinition {
  @Override
  public String packageName() {
    return "echo_agent";
  }

  @Override
  public String description() {
    return "Sends its task to the echo tool and reports the echoed result";
  }

  @Override
  public String instructions() {
    return "You are a careful assistant. Call the echo tool with the task you are given as its"
        + " arguments, then answer with a one-sentence summary of what it returned.";
  }

  @Override
  public List<String> tools() {
    return List.of("echo");
  }

  @Override
  public String model() {
    return null;
  }
}

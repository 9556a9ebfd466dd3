package ai.iceos.worker.swarm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages a swarm sends. A system message is the member's own instructions followed by its
 * part in the swarm; the user message is the task (the node's scope as JSON) and what the swarm
 * produced so far. Members asked the same thing in the same round get the same user message.
 */
final class SwarmPrompts {
  private SwarmPrompts() {}

  static String system(SwarmMember member, String part) {
    String own = member.instructions();
    String role = "You are '" + member.role() + "' in a swarm of agents. " + part;
    return own == null || own.isBlank() ? role : own + "\n\n" + role;
  }

  static String task(String task) {
    return "Task:\n" + task;
  }

  /** A bulleted {@code - role: text} list. */
  static String lines(List<SwarmMember> members, List<String> texts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < members.size(); i++) {
      out.append("\n- ").append(members.get(i).role()).append(": ").append(texts.get(i));
    }
    return out.toString();
  }

  static String roles(List<SwarmMember> members) {
    return members.stream()
        .map(member -> "'" + member.role() + "'")
        .collect(Collectors.joining(", "));
  }
}

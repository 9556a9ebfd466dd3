package ai.iceos.worker.swarm;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.contracts.messaging.Usage;
import ai.iceos.worker.node.FailureClassifier;
import ai.iceos.worker.node.NodeFailureException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * One swarm execution: the task, its members and limits, and what was spent and said so far. Usage
 * is summed over every agent run, also the runs of a round that failed; the transcript lists each
 * answer as {@code {round, role, phase, message}} in the members' order. Thread-safe: the turns of
 * a round run concurrently.
 */
final class SwarmRun {
  private final String task;
  private final List<SwarmMember> members;
  private final int maxRounds;
  private final AgentTurns turns;
  private final ArrayNode transcript = IceosJson.mapper().createArrayNode();
  private Usage usage = Usage.none();

  SwarmRun(String task, List<SwarmMember> members, int maxRounds, AgentTurns turns) {
    this.task = task;
    this.members = List.copyOf(members);
    this.maxRounds = maxRounds;
    this.turns = turns;
  }

  String task() {
    return task;
  }

  List<SwarmMember> members() {
    return members;
  }

  int maxRounds() {
    return maxRounds;
  }

  /** One question to one member; the answer is recorded in the transcript. */
  Uni<String> ask(int round, String phase, Question question) {
    return askAll(round, phase, List.of(question)).map(List::getFirst);
  }

  /** Questions to several members at once; answers in the questions' order. */
  Uni<List<String>> askAll(int round, String phase, List<Question> questions) {
    List<Uni<String>> asked = questions.stream().map(this::askOne).toList();
    return Uni.join()
        .all(asked)
        .andFailFast()
        .invoke(answers -> record(round, phase, questions, answers));
  }

  /** The same question to every member, each with {@code part} in its system message. */
  Uni<List<String>> askEveryone(int round, String phase, String part, String user) {
    List<Question> questions =
        members.stream()
            .map(member -> new Question(member, SwarmPrompts.system(member, part), user))
            .toList();
    return askAll(round, phase, questions);
  }

  private Uni<String> askOne(Question question) {
    return Uni.createFrom()
        .deferred(() -> turns.ask(question.member(), question.system(), question.user()))
        .invoke(answer -> spent(answer.usage()))
        .onFailure(NodeFailureException.class)
        .invoke(error -> spent(((NodeFailureException) error).usage()))
        .map(AgentAnswer::text);
  }

  synchronized Usage usage() {
    return usage;
  }

  synchronized ArrayNode transcript() {
    return transcript.deepCopy();
  }

  /** The failure of the whole swarm, carrying the usage of every run so far. */
  NodeFailureException failed(Throwable error) {
    return new NodeFailureException(FailureClassifier.classify(error), usage());
  }

  private synchronized void spent(Usage spent) {
    if (spent != null) {
      usage = usage.plus(spent);
    }
  }

  private synchronized void record(
      int round, String phase, List<Question> questions, List<String> answers) {
    for (int i = 0; i < questions.size(); i++) {
      transcript
          .addObject()
          .put("round", round)
          .put("role", questions.get(i).member().role())
          .put("phase", phase)
          .put("message", answers.get(i));
    }
  }

  /** A system and a user message for one member. */
  record Question(SwarmMember member, String system, String user) {}
}

package ai.iceos.worker.swarm;

import ai.iceos.contracts.json.IceosJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every member answers the task; a round reaches consensus when the largest group of equal answers
 * ({@link SwarmAnswers#normalized}) is at least {@code threshold} of the members. Until then, and
 * for at most {@code max_rounds}, every member sees all answers of the previous round and answers
 * again. The result is the largest group's answer (ties: the group of the earliest member), reached
 * or not.
 */
record Consensus(double threshold) implements SwarmStrategy {
  static final String PART =
      "The swarm decides by consensus: answer the task, end your reply with one line"
          + " 'ANSWER: <your answer>' and keep that answer short, so that agents who agree give"
          + " the same text.";

  @Override
  public String name() {
    return "consensus";
  }

  @Override
  public Uni<SwarmOutcome> run(SwarmRun run) {
    return round(run, 1, SwarmPrompts.task(run.task()));
  }

  private Uni<SwarmOutcome> round(SwarmRun run, int round, String user) {
    return run.askEveryone(round, "answer", PART, user).chain(texts -> decide(run, round, texts));
  }

  private Uni<SwarmOutcome> decide(SwarmRun run, int round, List<String> texts) {
    List<String> answers = texts.stream().map(SwarmAnswers::answerOf).toList();
    List<Integer> largest = largestGroup(answers);
    double agreement = (double) largest.size() / answers.size();
    boolean reached = agreement >= threshold;
    if (!reached && round < run.maxRounds()) {
      return round(run, round + 1, reconsider(run, round, answers, agreement));
    }
    ObjectNode details = IceosJson.mapper().createObjectNode();
    details.put("consensus_reached", reached);
    details.put("agreement", Math.round(agreement * 10_000) / 10_000.0);
    details.put("threshold", threshold);
    var supporters = details.putArray("supporters");
    largest.forEach(i -> supporters.add(run.members().get(i).role()));
    return Uni.createFrom().item(new SwarmOutcome(answers.get(largest.getFirst()), round, details));
  }

  /** Indexes of the members of the largest group of equal answers; ties to the earliest member. */
  static List<Integer> largestGroup(List<String> answers) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < answers.size(); i++) {
      groups
          .computeIfAbsent(SwarmAnswers.normalized(answers.get(i)), k -> new ArrayList<>())
          .add(i);
    }
    List<Integer> largest = List.of();
    for (List<Integer> group : groups.values()) {
      if (group.size() > largest.size()) {
        largest = group;
      }
    }
    return largest;
  }

  private String reconsider(SwarmRun run, int round, List<String> answers, double agreement) {
    return SwarmPrompts.task(run.task())
        + "\n\nAnswers of round "
        + round
        + " (agreement "
        + Math.round(agreement * 100)
        + "%, needed "
        + Math.round(threshold * 100)
        + "%):"
        + SwarmPrompts.lines(run.members(), answers)
        + "\n\nConsider the other answers and give your answer again.";
  }
}

package ai.iceos.worker.swarm;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.swarm.SwarmRun.Question;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The first member leads: it splits the task into subtasks for the others ({@code {"subtasks":
 * {role: text}}}), they work on them concurrently, and it synthesizes their results into the
 * answer. While rounds remain, the synthesis may delegate again instead of answering. A plan that
 * names no other member (or is not JSON) gives every other member the whole task, so a model that
 * cannot plan, such as the offline provider, still completes in one round.
 */
record Hierarchical() implements SwarmStrategy {
  static final String PLAN =
      "You lead the swarm. Your team: %s. Split the task into subtasks for them: reply only with"
          + " JSON {\"subtasks\": {\"<role>\": \"<subtask>\"}}; a role you leave out gets no work.";
  static final String WORK =
      "'%s' leads the swarm and gave you a subtask: do it and reply with its result.";
  static final String SYNTHESIZE =
      "You lead the swarm. Combine your team's results into the final answer to the task.";
  static final String OR_DELEGATE =
      " If the task needs more work, reply instead only with JSON {\"subtasks\": {\"<role>\":"
          + " \"<subtask>\"}} for another round.";

  @Override
  public String name() {
    return "hierarchical";
  }

  @Override
  public Uni<SwarmOutcome> run(SwarmRun run) {
    SwarmMember leader = leader(run);
    String part = PLAN.formatted(SwarmPrompts.roles(team(run)));
    Question plan = new Question(leader, SwarmPrompts.system(leader, part), task(run));
    return run.ask(1, "plan", plan).chain(answer -> work(run, 1, plan(run, answer)));
  }

  private Uni<SwarmOutcome> work(SwarmRun run, int round, Assignment assignment) {
    List<SwarmMember> workers = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    for (SwarmMember member : team(run)) {
      String subtask = assignment.subtasks().get(member.role());
      if (subtask != null) {
        workers.add(member);
        String part = WORK.formatted(leader(run).role());
        questions.add(
            new Question(
                member,
                SwarmPrompts.system(member, part),
                "Subtask:\n" + subtask + "\n\nOverall " + task(run)));
      }
    }
    return run.askAll(round, "work", questions)
        .chain(results -> synthesize(run, round, assignment, workers, results));
  }

  private Uni<SwarmOutcome> synthesize(
      SwarmRun run,
      int round,
      Assignment assignment,
      List<SwarmMember> workers,
      List<String> results) {
    SwarmMember leader = leader(run);
    boolean more = round < run.maxRounds();
    String part = more ? SYNTHESIZE + OR_DELEGATE : SYNTHESIZE;
    String user =
        task(run) + "\n\nResults of round " + round + ":" + SwarmPrompts.lines(workers, results);
    Question question = new Question(leader, SwarmPrompts.system(leader, part), user);
    return run.ask(round, "synthesize", question)
        .chain(
            answer -> {
              Map<String, String> again =
                  more ? SwarmAnswers.subtasksOf(answer, roles(run)) : Map.of();
              return again.isEmpty()
                  ? Uni.createFrom().item(outcome(run, round, assignment, answer))
                  : work(run, round + 1, new Assignment(again, "planned"));
            });
  }

  private static SwarmOutcome outcome(SwarmRun run, int round, Assignment last, String answer) {
    ObjectNode details = IceosJson.mapper().createObjectNode();
    details.put("leader", leader(run).role());
    details.put("delegation", last.delegation());
    return new SwarmOutcome(answer, round, details);
  }

  /** The leader's plan, or the whole task for every other member when it names none of them. */
  private static Assignment plan(SwarmRun run, String answer) {
    Map<String, String> subtasks = SwarmAnswers.subtasksOf(answer, roles(run));
    if (!subtasks.isEmpty()) {
      return new Assignment(subtasks, "planned");
    }
    Map<String, String> whole =
        team(run).stream()
            .collect(
                Collectors.toMap(
                    SwarmMember::role,
                    member -> run.task(),
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    return new Assignment(whole, "whole_task");
  }

  private static String task(SwarmRun run) {
    return SwarmPrompts.task(run.task());
  }

  private static SwarmMember leader(SwarmRun run) {
    return run.members().getFirst();
  }

  private static List<SwarmMember> team(SwarmRun run) {
    return run.members().subList(1, run.members().size());
  }

  private static Set<String> roles(SwarmRun run) {
    return team(run).stream().map(SwarmMember::role).collect(Collectors.toSet());
  }

  /**
   * @param delegation {@code planned} (the leader's subtasks) or {@code whole_task} (fallback)
   */
  private record Assignment(Map<String, String> subtasks, String delegation) {}
}

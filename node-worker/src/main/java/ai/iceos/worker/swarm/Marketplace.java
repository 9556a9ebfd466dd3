package ai.iceos.worker.swarm;

import ai.iceos.contracts.json.IceosJson;
import ai.iceos.worker.swarm.SwarmRun.Question;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Every member bids ({@code {"bid": x}}, 0 < x <= 1, how well it can do the task); the highest bid
 * (ties: the earliest member) wins and the winner does the task. An auction without a valid bid is
 * held again, for at most {@code max_rounds} auctions; if none ever comes, the first member does
 * the task ({@code winner_reason: no_valid_bid}), so a model that cannot bid, such as the offline
 * provider, still gives a result.
 */
record Marketplace() implements SwarmStrategy {
  static final String BID =
      "Agents bid for the task and the best bid does it. Reply only with JSON {\"bid\": <number"
          + " greater than 0, at most 1: how well you can do the task>, \"reason\": \"<short>\"}.";
  static final String EXECUTE = "Your bid won the task: do it and reply with the result.";

  @Override
  public String name() {
    return "marketplace";
  }

  @Override
  public Uni<SwarmOutcome> run(SwarmRun run) {
    return auction(run, 1);
  }

  private Uni<SwarmOutcome> auction(SwarmRun run, int round) {
    String user = SwarmPrompts.task(run.task());
    if (round > 1) {
      user += "\n\nNo valid bid came in round " + (round - 1) + ": reply only with the JSON.";
    }
    return run.askEveryone(round, "bid", BID, user).chain(answers -> award(run, round, answers));
  }

  private Uni<SwarmOutcome> award(SwarmRun run, int round, List<String> answers) {
    List<OptionalDouble> bids = answers.stream().map(SwarmAnswers::bidOf).toList();
    int winner = -1;
    for (int i = 0; i < bids.size(); i++) {
      if (bids.get(i).isPresent()
          && (winner < 0 || bids.get(i).getAsDouble() > bids.get(winner).getAsDouble())) {
        winner = i;
      }
    }
    if (winner < 0 && round < run.maxRounds()) {
      return auction(run, round + 1);
    }
    SwarmMember chosen = run.members().get(Math.max(winner, 0));
    ObjectNode details = details(run, bids, chosen, winner < 0 ? null : bids.get(winner));
    Question work =
        new Question(chosen, SwarmPrompts.system(chosen, EXECUTE), SwarmPrompts.task(run.task()));
    return run.ask(round, "execute", work).map(result -> new SwarmOutcome(result, round, details));
  }

  private static ObjectNode details(
      SwarmRun run, List<OptionalDouble> bids, SwarmMember winner, OptionalDouble winning) {
    ObjectNode details = IceosJson.mapper().createObjectNode();
    details.put("winner", winner.role());
    if (winning == null) {
      details.putNull("winning_bid");
      details.put("winner_reason", "no_valid_bid");
    } else {
      details.put("winning_bid", winning.getAsDouble());
      details.put("winner_reason", "highest_bid");
    }
    ArrayNode list = details.putArray("bids");
    for (int i = 0; i < bids.size(); i++) {
      ObjectNode bid = list.addObject().put("role", run.members().get(i).role());
      if (bids.get(i).isPresent()) {
        bid.put("bid", bids.get(i).getAsDouble());
      } else {
        bid.putNull("bid");
      }
    }
    return details;
  }
}

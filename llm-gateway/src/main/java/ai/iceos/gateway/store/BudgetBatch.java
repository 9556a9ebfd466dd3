package ai.iceos.gateway.store;

import ai.iceos.gateway.budget.Reservation;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The parameters and results of the batch statements of {@link BudgetSql}. */
final class BudgetBatch {
  /** One call's reservation: {@code microUsd} on each of {@code scopes} (sorted). */
  record Reserve(List<String> scopes, long microUsd) {}

  /**
   * One call's settlement: release {@code reserved} and book {@code booked} on each of {@code
   * scopes}, with its usage row ({@code usage} null for a release, which books nothing).
   */
  record Settle(List<String> scopes, long reserved, long booked, UsageEntry usage) {}

  private BudgetBatch() {}

  static Tuple reserveParameters(List<Reserve> calls) {
    Long[] amounts = new Long[calls.size()];
    Integer[] counts = new Integer[calls.size()];
    List<String> scopes = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      amounts[i] = calls.get(i).microUsd();
      counts[i] = calls.get(i).scopes().size();
      scopes.addAll(calls.get(i).scopes());
    }
    return Tuple.tuple()
        .addArrayOfLong(amounts)
        .addArrayOfInteger(counts)
        .addArrayOfString(scopes.toArray(String[]::new));
  }

  /** The parameters of {@link BudgetSql#RESERVE_ONE} for a batch of one call. */
  static Tuple reserveOne(List<Reserve> calls) {
    Reserve call = calls.getFirst();
    return Tuple.of(call.scopes().toArray(String[]::new), call.microUsd());
  }

  /** One reservation per call, in batch order. */
  static List<Reservation> reservations(List<Reserve> calls, RowSet<Row> rows) {
    List<Reservation> reservations = new ArrayList<>(calls.size());
    var row = rows.iterator();
    for (Reserve call : calls) {
      Row next = row.next();
      String refused = next.getString("refused");
      reservations.add(
          refused == null
              ? new Reservation.Held(List.of(next.getArrayOfStrings("held")), call.microUsd())
              : new Reservation.Refused(refused, call.microUsd()));
    }
    return reservations;
  }

  static Tuple settleParameters(List<Settle> calls) {
    List<UsageEntry> rows = calls.stream().map(Settle::usage).filter(u -> u != null).toList();
    int n = rows.size();
    UUID[] ids = new UUID[n];
    String[] orgs = new String[n];
    String[] executions = new String[n];
    String[] nodes = new String[n];
    String[] models = new String[n];
    String[] providers = new String[n];
    Long[] prompt = new Long[n];
    Long[] completion = new Long[n];
    Long[] total = new Long[n];
    Long[] cost = new Long[n];
    OffsetDateTime[] created = new OffsetDateTime[n];
    Long[] cached = new Long[n];
    Boolean[] cacheHit = new Boolean[n];
    for (int i = 0; i < n; i++) {
      UsageEntry entry = rows.get(i);
      ids[i] = entry.id();
      orgs[i] = entry.attribution().orgId();
      executions[i] = entry.attribution().executionId();
      nodes[i] = entry.attribution().nodeId();
      models[i] = entry.model();
      providers[i] = entry.provider();
      prompt[i] = entry.tokens().promptTokens();
      completion[i] = entry.tokens().completionTokens();
      total[i] = entry.tokens().totalTokens();
      cost[i] = entry.costMicroUsd();
      created[i] = entry.createdAt().atOffset(ZoneOffset.UTC);
      cached[i] = entry.tokens().cachedPromptTokens();
      cacheHit[i] = entry.cacheHit();
    }
    List<String> scopes = new ArrayList<>();
    List<Long> reserved = new ArrayList<>();
    List<Long> booked = new ArrayList<>();
    for (Settle call : calls) {
      for (String scope : call.scopes()) {
        scopes.add(scope);
        reserved.add(call.reserved());
        booked.add(call.booked());
      }
    }
    return Tuple.tuple()
        .addArrayOfUUID(ids)
        .addArrayOfString(orgs)
        .addArrayOfString(executions)
        .addArrayOfString(nodes)
        .addArrayOfString(models)
        .addArrayOfString(providers)
        .addArrayOfLong(prompt)
        .addArrayOfLong(completion)
        .addArrayOfLong(total)
        .addArrayOfLong(cost)
        .addArrayOfOffsetDateTime(created)
        .addArrayOfLong(cached)
        .addArrayOfBoolean(cacheHit)
        .addArrayOfString(scopes.toArray(String[]::new))
        .addArrayOfLong(reserved.toArray(Long[]::new))
        .addArrayOfLong(booked.toArray(Long[]::new));
  }

  /** The scopes a settled batch left over their limit. */
  static List<String> overScopes(RowSet<Row> rows) {
    List<String> over = new ArrayList<>();
    rows.forEach(row -> over.add(row.getString("over_scope")));
    return over;
  }
}

-- Budget writes in batches (decision 0144): a gateway replica gathers the reservations (and the
-- settlements) that wait for the same budget rows into one statement, so a hot row (one org, many
-- calls) is locked and written once per batch instead of twice per call.
--
-- Both functions lock the budget rows they touch first, in scope order (the order every writer
-- takes them in, so writers never deadlock), decide with the locked, latest values, and write each
-- row once. The window expressions are those of BudgetSql (CURRENT_WINDOW, SPENT).

-- Reserves for a batch of calls. Call i wants amounts[i] on its scope_counts[i] scopes, which are
-- the next scope_counts[i] entries of scopes (each call's scopes sorted). Calls are decided one by
-- one in batch order, each all or none, against what the earlier calls of the batch left: one row
-- per call, in batch order, with the scopes it now holds (those with a budget) or the first of its
-- scopes that cannot hold it (and then nothing held). Scopes without a budget row are unlimited.
CREATE FUNCTION reserve_batch(amounts BIGINT[], scope_counts INT[], scopes TEXT[])
RETURNS TABLE (held TEXT[], refused TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    b_scope TEXT[] := '{}';
    b_free  BIGINT[] := '{}';
    b_add   BIGINT[] := '{}';
    r       RECORD;
    s       TEXT;
    k       INT;
    first_j INT := 1;
BEGIN
    FOR r IN
        SELECT b.scope,
               b.limit_micro_usd - b.reserved_micro_usd
                 - (CASE WHEN b.window_start < (CASE b.period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE b.window_start END)
                         THEN 0 ELSE b.spent_micro_usd END) AS free
          FROM gateway.budget b
         WHERE b.scope = ANY (scopes)
         ORDER BY b.scope
           FOR UPDATE
    LOOP
        b_scope := b_scope || r.scope;
        b_free := b_free || r.free;
        b_add := b_add || 0::BIGINT;
    END LOOP;
    FOR i IN 1 .. coalesce(cardinality(amounts), 0) LOOP
        held := '{}';
        refused := NULL;
        FOR j IN first_j .. first_j + scope_counts[i] - 1 LOOP
            k := array_position(b_scope, scopes[j]);
            CONTINUE WHEN k IS NULL;
            IF b_free[k] < amounts[i] THEN
                refused := scopes[j];
                held := '{}';
                EXIT;
            END IF;
            held := held || scopes[j];
        END LOOP;
        FOREACH s IN ARRAY held LOOP
            k := array_position(b_scope, s);
            b_free[k] := b_free[k] - amounts[i];
            b_add[k] := b_add[k] + amounts[i];
        END LOOP;
        first_j := first_j + scope_counts[i];
        RETURN NEXT;
    END LOOP;
    UPDATE gateway.budget b
       SET spent_micro_usd = CASE WHEN b.window_start < (CASE b.period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE b.window_start END)
                                  THEN 0 ELSE b.spent_micro_usd END,
           window_start = (CASE b.period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE b.window_start END),
           reserved_micro_usd = b.reserved_micro_usd + u.amount,
           updated_at = now()
      FROM unnest(b_scope, b_add) AS u(scope, amount)
     WHERE b.scope = u.scope AND u.amount > 0;
END
$$;

-- Settles a batch: inserts the usage rows (the arrays from ids to cache_hits, one element per
-- row), and for every entry (scopes[j], reserved[j], booked[j]) releases reserved[j] and books
-- booked[j] on that scope (a released call books 0 and has no usage row). Returns the scopes whose
-- spend now exceeds their limit (only possible when a provider billed more than the reserved
-- worst case).
CREATE FUNCTION settle_batch(
    ids UUID[], org_ids TEXT[], execution_ids TEXT[], node_ids TEXT[], models TEXT[],
    providers TEXT[], prompt_tokens BIGINT[], completion_tokens BIGINT[], total_tokens BIGINT[],
    costs BIGINT[], created TIMESTAMPTZ[], cached_prompt_tokens BIGINT[], cache_hits BOOLEAN[],
    scopes TEXT[], reserved BIGINT[], booked BIGINT[])
RETURNS TABLE (over_scope TEXT)
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM gateway.budget b WHERE b.scope = ANY (scopes) ORDER BY b.scope FOR UPDATE;
    INSERT INTO gateway.usage_record (id, org_id, execution_id, node_id, model, provider,
                                      prompt_tokens, completion_tokens, total_tokens, cost_micro_usd,
                                      created_at, cached_prompt_tokens, cache_hit)
    SELECT * FROM unnest(ids, org_ids, execution_ids, node_ids, models, providers, prompt_tokens,
                         completion_tokens, total_tokens, costs, created, cached_prompt_tokens,
                         cache_hits);
    RETURN QUERY
    WITH settled AS (
    UPDATE gateway.budget b
       SET spent_micro_usd = (CASE WHEN b.window_start < (CASE b.period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE b.window_start END)
                                  THEN 0 ELSE b.spent_micro_usd END) + t.booked,
           window_start = (CASE b.period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE b.window_start END),
           reserved_micro_usd = GREATEST(b.reserved_micro_usd - t.reserved, 0),
           updated_at = now()
      FROM (SELECT e.scope, sum(e.reserved)::BIGINT AS reserved, sum(e.booked)::BIGINT AS booked
              FROM unnest(scopes, reserved, booked) AS e(scope, reserved, booked)
             GROUP BY e.scope) t
     WHERE b.scope = t.scope
    RETURNING b.scope, b.spent_micro_usd > b.limit_micro_usd AS over)
    SELECT settled.scope FROM settled WHERE settled.over;
END
$$;

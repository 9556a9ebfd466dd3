-- Reserves `amount` micro-USD on every scope of `scopes` that has a budget, all or none, in ONE
-- statement: one round trip instead of BEGIN / UPDATE per scope / COMMIT, and the row locks are
-- held only while the statement runs, not across network round trips (decision 0143).
-- Each UPDATE touches one row and refers only to that row's columns and now(), so that PostgreSQL
-- re-evaluates its condition on the latest row version when concurrent calls queue on the row lock
-- (READ COMMITTED): the check-and-reserve is atomic. The window expressions are those of
-- BudgetSql (CURRENT_WINDOW, SPENT). Returns the scopes that now hold the amount and, when one
-- cannot, that scope (and nothing stays reserved: the statement's own earlier holds are undone in
-- the same transaction).
CREATE FUNCTION reserve(scopes TEXT[], amount BIGINT, OUT held TEXT[], OUT refused TEXT)
LANGUAGE plpgsql AS $$
DECLARE
    s TEXT;
BEGIN
    held := '{}';
    FOREACH s IN ARRAY scopes LOOP
        UPDATE gateway.budget
           SET spent_micro_usd = CASE WHEN window_start < (CASE period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE window_start END)
                                      THEN 0 ELSE spent_micro_usd END,
               window_start = (CASE period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE window_start END),
               reserved_micro_usd = reserved_micro_usd + amount,
               updated_at = now()
         WHERE scope = s
           AND (CASE WHEN window_start < (CASE period WHEN 'day' THEN date_trunc('day', now(), 'UTC')
                                  WHEN 'month' THEN date_trunc('month', now(), 'UTC') ELSE window_start END)
                     THEN 0 ELSE spent_micro_usd END) + reserved_micro_usd + amount <= limit_micro_usd;
        IF FOUND THEN
            held := held || s;
        ELSIF EXISTS (SELECT 1 FROM gateway.budget WHERE scope = s) THEN
            UPDATE gateway.budget SET reserved_micro_usd = reserved_micro_usd - amount
             WHERE scope = ANY (held);
            held := '{}';
            refused := s;
            RETURN;
        END IF;
    END LOOP;
END
$$;

-- A version-checked write of a run that finds it changed meanwhile (or a start that finds it
-- existing) fails its statement with this function, so that the COMMIT pipelined right behind the
-- statement rolls the transaction back instead of committing the ledger rows without the change
-- (decision 0120). SQLSTATE IC409 is mapped to a version conflict, and the unit is tried again.
CREATE FUNCTION scheduler.version_conflict(execution_id text) RETURNS bigint[]
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'execution % was changed concurrently', execution_id USING ERRCODE = 'IC409';
END
$$;

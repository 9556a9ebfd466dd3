-- The execution's compiled plan, stored apart from the mutable run state (decision 0150): written
-- once by the start, never again, so a transaction that changes the run neither reads nor writes it
-- (the scheduler keeps the parsed plan in memory per execution). A row written by an earlier build
-- has it null and the plan still inside `state`; the scheduler reads such a row as before and moves
-- the plan into this column with its next write of the run. No data is rewritten here: `state` is
-- `json` (not jsonb) so node outputs keep their exact bytes, which a split in SQL would not.
ALTER TABLE scheduler.run ADD COLUMN IF NOT EXISTS plan json;

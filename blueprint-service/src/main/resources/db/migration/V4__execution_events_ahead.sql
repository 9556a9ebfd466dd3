-- Decision 0124: set while stored events wait beyond last_sequence for a gap to fill, so that a
-- one-statement fold (which sees no events committed after it began) never leaves them behind.
alter table blueprint.execution add column events_ahead boolean not null default false;

-- The W3C traceparent of the trace that wrote the row, attached when the row is sent, so a trace
-- continues across the scheduler even when the relay sends the row later.
ALTER TABLE scheduler.outbox ADD COLUMN IF NOT EXISTS traceparent text;

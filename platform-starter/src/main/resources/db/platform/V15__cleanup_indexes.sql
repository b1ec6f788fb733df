-- The hourly cleanups delete published outbox events and hub events older than their retention, a thousand per
-- statement. Nothing indexed those rows by age, so each statement read the table from its first page until it had
-- found a thousand, passing over the rows the statements before it had just deleted and, once new rows had
-- filled the pages the first cleanups freed, over whatever lay before the oldest rows, up to most of the table
-- (docs/architecture.md, "Time and scheduled jobs", Cleanups). Each is now read oldest first from an index.
--
-- A published event's row is written again anyway when the relay sets sent_at (sent_at is in the predicates of the
-- pending indexes, so that update is never heap-only): the new index costs one more entry then, none on insert.
--
-- "if not exists": on a large existing outbox this build holds up the writes of events while it runs (a transactional
-- migration; Flyway's transactional lock makes "create index concurrently" wait for itself); an operator who cannot
-- afford that builds the same index with "concurrently" before upgrading, and this migration then leaves it as it is.
create index if not exists outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
create index if not exists hub_event_created on hub_event (created_at);

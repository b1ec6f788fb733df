-- Scheduled jobs that work through items (settlement periods to open, dispute timers, agreement transitions,
-- offering launches, inventory expiries, quote expiries) ran a run's items in one transaction or stopped at the first
-- failing item: one item that always failed (a data inconsistency, a bug) stopped the job for every other item, every
-- run, forever, and only the log said so. JobItems (io.accord.platform.scheduling) now gives each item its own
-- transaction and counts an item's failures here, with the reason and when it is tried next (Backoffs, doubling up to
-- an hour); the row goes in the transaction that finally handles the item. Ops list them at
-- GET /api/<service>/admin/jobs/failures and retry one at once; the gauge accord.jobs.items.failing counts them.
create table job_item_failure (
    job             text        not null,
    item_id         text        not null,
    attempts        integer     not null,
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null,
    next_attempt_at timestamptz not null,
    last_error      text        not null,
    primary key (job, item_id)
);

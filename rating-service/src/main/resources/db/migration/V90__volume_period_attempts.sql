-- A pending volume-tier period whose finalisation failed stayed in volume_period_pending as it was: it was tried
-- again in every run, logged every time, and, the oldest first, up to a run's 1,000 periods that could never be made
-- final would have taken every run's places, so that no other period was made final any more
-- (docs/rating-rerating.md, "When a period cannot be made final").
--
-- A failure is now counted on the row with its reason and the time of the next attempt (Backoffs: the finalisation
-- interval after the first failure, doubling, at most a day). A run takes the due periods that never failed first,
-- oldest first, then those that failed, fewest failures first.
alter table volume_period_pending
    add column attempts        integer     not null default 0,
    add column next_attempt_at timestamptz,
    add column last_error      text;

drop index volume_period_pending_start;
create index volume_period_pending_due on volume_period_pending (attempts, period_start);

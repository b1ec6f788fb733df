-- Less index work per rated record (issue 10, the benchmark; docs/rating-pipeline.md, "Indexes"). Every btree on
-- usage_key and usage_rated is maintained for each of the ~50,000 records a second the pipeline writes; these are
-- the ones no query needs as btrees.

-- rated_id is made by the writer (UUID v7: time + 74 random bits, docs/rating-pipeline.md) and no query looks a row
-- up by it (re-rating joins corrections on reversal_of, which has its own partial index of V40): its unique index
-- was a second primary key paid on every insert.
alter table usage_rated drop constraint usage_rated_rated_id_key;

-- The only use of usage_key.usage_time is the hourly purge of markers older than the duplicate window
-- (UsageKeyCleanup: usage_time < cutoff). Keys arrive roughly in usage-time order, so a block-range index finds the
-- old blocks for a fraction of a btree's upkeep (a BRIN insert touches one summary tuple, if any).
drop index usage_key_usage_time;
create index usage_key_usage_time on usage_key using brin (usage_time) with (autosummarize = on);

-- Re-rate jobs and price corrections look rated records up by offering and usage-time range: rare background work.
-- A block-range index on usage_time (rows arrive roughly in usage-time order) serves their range, the offering is a
-- filter, instead of a btree on (offering_id, usage_time) paid on every rated insert.
drop index usage_rated_offering_time;
create index usage_rated_usage_time on usage_rated using brin (usage_time) with (autosummarize = on);

-- Accumulators and rollups are updated in place by every batch; none of the updated columns is indexed, so with room
-- left on each page the updates stay on the page (HOT) and touch no index.
alter table tier_accumulator set (fillfactor = 70);
alter table usage_rollup_hourly set (fillfactor = 70);
alter table usage_rollup_daily set (fillfactor = 70);
alter table usage_source_day set (fillfactor = 70);

-- Less PostgreSQL work per rated row (issue 10, the benchmark; docs/rating-pipeline.md, "Indexes").

-- The ledger writes these four values once as JSON text and every reader (publisher, re-rating, export, fate view)
-- reads them back as text and parses them itself; no query looks inside them. As jsonb, PostgreSQL parsed and
-- re-encoded each value of every rated row on insert (measured with COPY of 100,000 bench rows: about 9 % of the
-- row's cost without its indexes).
alter table usage_rated
    alter column parties type text using parties::text,
    alter column agreements type text using agreements::text,
    alter column tier_portions type text using tier_portions::text,
    alter column characteristics type text using characteristics::text;

-- The accumulator index serves only the period-end re-rating of volume tiers (VolumePeriodFinaliser), which reads
-- the volume-tier records of one subscriber's period and takes the period's total from its tier_accumulator row.
-- Indexing every rated row for it was a five-column btree insert per record (about 18 % of the rated row's COPY
-- with its indexes); only volume-tier rows are indexed now.
drop index usage_rated_accumulator;
create index usage_rated_volume on usage_rated (subscriber_id, offering_id, usage_type, period_start, arrival_order)
    where tier_mode = 'VOLUME';

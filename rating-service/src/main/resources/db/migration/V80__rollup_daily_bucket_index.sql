-- The rating KPIs (docs/rating-rollups.md, "KPIs") sum the daily rollups of a period over every partner: a range of
-- buckets, which the primary key (bucket last) cannot serve, so without this index each dashboard refresh would read
-- the whole table. Its upkeep on the hot path is small: an entry per new partner x offering x type x unit x currency
-- x day row (once a day per key), and the batches' in-place updates change no indexed column, so they stay HOT.
-- Not CONCURRENTLY: Flyway's lock connection keeps a transaction open, which a concurrent build waits for forever.
-- The daily table is small (rows per key and day, not per record), so the build's write lock lasts moments.
create index usage_rollup_daily_bucket on usage_rollup_daily (bucket);

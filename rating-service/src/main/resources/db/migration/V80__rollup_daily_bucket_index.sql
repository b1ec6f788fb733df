-- The rating KPIs (docs/rating-rollups.md, "KPIs") sum the daily rollups of a period over every partner: a range of
-- buckets, which the primary key (bucket last) cannot serve, so without this index each dashboard refresh would read
-- the whole table. Its upkeep on the hot path is small: an entry per new partner x offering x type x unit x currency
-- x day row (once a day per key), and the batches' in-place updates change no indexed column, so they stay HOT.
-- Built concurrently (Flyway runs this statement outside a transaction), so an existing table keeps taking writes.
create index concurrently if not exists usage_rollup_daily_bucket on usage_rollup_daily (bucket);

-- The rated rows' lookup by source + usage id (the fate API, recycling, the REST submissions' answers: always
-- `source = ? and usage_id = ?`) through a hash index on the usage id instead of a btree on both columns
-- (docs/rating-pipeline.md, "Indexes"): the pipeline inserts into it for every rated row, and with usage ids spread
-- like UUIDs each btree insert lands on a random leaf page. COPY of 100,000 bench-shaped rated rows: 1.43 s without
-- this index, 1.61 s with the hash index, 1.87 s with the btree. Usage ids are unique per source, so a usage id's
-- bucket holds its own rows (its rating history) and, rarely, another source's, which the source condition removes.
drop index usage_rated_usage;
create index usage_rated_usage on usage_rated using hash (usage_id);

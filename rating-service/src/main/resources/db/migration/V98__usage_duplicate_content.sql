-- Duplicates whose content differs from their original (docs/rating-pipeline.md, "Duplicates"). A copy sent again with
-- a usage id received before used to be recorded like an exact resend, whatever it said: a corrected quantity or time
-- was dropped without anyone noticing.
--
-- Each duplicate marker keeps a 64-bit digest of what its record is rated on (UsageContent): a copy is compared with
-- it without reading the original, and only a batch that has copies of earlier records reads any marker back. Markers
-- written before keep none (null): their copies' comparison is unknown (usage_duplicate.conflicting null).
alter table usage_key add column content bigint;

-- per copy: the input it came through (KAFKA, REST, FILE, RECYCLE; before: null, a Kafka partition tells Kafka) and
-- whether its content differs from the original's (null: not known)
alter table usage_duplicate add column channel text;
alter table usage_duplicate add column conflicting boolean;
update usage_duplicate set channel = 'KAFKA' where kafka_partition is not null;

-- the duplicates list (GET /api/rating/duplicates) is by received day, as the reconciliation counts, and source
create index usage_duplicate_received on usage_duplicate (received_day, source);

-- counted within duplicates: received = rated + suspended + duplicates + written_off + replaced still holds
alter table usage_source_day add column duplicates_conflicting bigint not null default 0;

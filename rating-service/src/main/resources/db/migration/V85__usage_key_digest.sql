-- The duplicate markers keyed by a 128-bit digest of source + usage id instead of the two texts
-- (docs/rating-pipeline.md, "Indexes and column types on the hot tables"): every record the pipeline reads inserts
-- one, and a btree of 16-byte keys is about a third of one of source + usage id (usage ids are often UUID strings),
-- so each insert touches fewer, more cached pages.
-- The digest is the first 16 bytes of SHA-256 over the UTF-8 bytes of "<byte length of source>:<source><usage id>"
-- (the length prefix keeps ("ab", "c") and ("a", "bc") apart); UsageLedger.keyDigest computes the same in Java.
-- Nothing reads a marker's source or usage id: the fate API and recycling find records in usage_rated,
-- usage_suspense and usage_duplicate, which keep them.
create table usage_key_digest (
    key        uuid        primary key,
    usage_time timestamptz not null
);

insert into usage_key_digest (key, usage_time)
select encode(substring(sha256(convert_to(octet_length(source)::text || ':' || source || usage_id, 'UTF8'))
                        from 1 for 16), 'hex')::uuid,
       usage_time
from usage_key
on conflict do nothing;

drop table usage_key;
alter table usage_key_digest rename to usage_key;
alter index usage_key_digest_pkey rename to usage_key_pkey;
-- the hourly purge of markers older than the duplicate window (V70)
create index usage_key_usage_time on usage_key using brin (usage_time) with (autosummarize = on);

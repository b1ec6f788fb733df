-- The usage ingestion pipeline (docs/rating-pipeline.md). One database transaction per consumed batch writes the
-- rated records, suspense records, duplicate markers, tier accumulators, rollups, source/day counters and the
-- consumed Kafka offsets together.

-- The consumed position of each partition of the raw topic, per consumer group: authoritative (Kafka's committed
-- offsets are for monitoring only). next_offset -1 = from the beginning of the partition.
create table usage_offset (
    consumer_group text   not null,
    topic          text   not null,
    kafka_partition int   not null,
    next_offset    bigint not null,
    updated_at     timestamptz not null default now(),
    primary key (consumer_group, topic, kafka_partition)
);

-- Duplicate detection: one row per source + usage id first seen, bounded by the TOO_OLD window (rows whose usage
-- time is older than the window plus a day are deleted; older usage is suspended as TOO_OLD, never rated).
create table usage_key (
    source     text        not null,
    usage_id   text        not null,
    usage_time timestamptz not null,
    primary key (source, usage_id)
);
create index usage_key_usage_time on usage_key (usage_time);

-- The single row every writer of usage_rated locks to take its sequence numbers: rated rows become visible in
-- sequence order, gapless, so the publisher can follow the table with a cursor.
create table usage_rated_sequence (
    id       int    primary key check (id = 1),
    last_seq bigint not null
);
insert into usage_rated_sequence (id, last_seq) values (1, 0);

-- Rated usage: append-only. The table is the outbox of usage.rated.v1 (publisher cursor below). A correction is a
-- REVERSAL row (amounts negated, reversal_of = the reversed row) and a RERATED row (reversal_of = the replaced one).
create table usage_rated (
    seq                 bigint      primary key,
    rated_id            uuid        not null unique,
    kind                text        not null check (kind in ('RATED', 'REVERSAL', 'RERATED')),
    reversal_of         uuid,
    source              text        not null,
    usage_id            text        not null,
    subscriber_id       text        not null,
    usage_time          timestamptz not null,
    usage_offset_secs   int         not null,
    usage_type          text        not null,
    quantity            numeric     not null,
    unit                text        not null,
    billed_quantity     numeric     not null,
    billed_unit         text        not null,
    currency            char(3)     not null,
    charge              numeric(24, 6) not null,
    margin              numeric(24, 6) not null,
    payable_total       numeric(24, 6) not null,
    owed_total          numeric(24, 6) not null,
    allocation          text        not null,
    parties             jsonb       not null,
    partner_ids         text[]      not null,
    product_instance_id text        not null,
    offering_id         text        not null,
    offering_version    int         not null,
    price_version_id    text        not null,
    price_version       int         not null,
    agreements          jsonb       not null,
    customer_reference  text,
    tier_mode           text        not null,
    tier_portions       jsonb       not null,
    provisional         boolean     not null,
    tier_period         text        not null,
    period_start        date        not null,
    accumulator_before  numeric     not null,
    accumulator_after   numeric     not null,
    arrival_order       bigint      not null,
    characteristics     jsonb,
    received_at         timestamptz not null,
    rated_at            timestamptz not null,
    kafka_partition     int,
    kafka_offset        bigint
);
create index usage_rated_usage on usage_rated (source, usage_id);
create index usage_rated_accumulator on usage_rated (subscriber_id, offering_id, usage_type, period_start, arrival_order);

-- Where the publisher of usage.rated.v1 is: every row up to last_seq has been acknowledged by the broker.
create table usage_publish_cursor (
    topic    text   primary key,
    last_seq bigint not null,
    updated_at timestamptz not null default now()
);

-- Suspense: what could not be rated, with the reason, kept to be recycled (status OPEN -> RECYCLED) or written off
-- (OPEN -> WRITTEN_OFF) by ops. The payload is the raw record as received (an unreadable one too).
create table usage_suspense (
    suspense_id     uuid        primary key,
    source          text        not null,
    usage_id        text,
    subscriber_id   text,
    usage_type      text,
    usage_time      timestamptz,
    reason          text        not null check (reason in ('NO_PRODUCT_INSTANCE', 'NO_PRICE', 'NO_AGREEMENT',
                                                           'AMBIGUOUS_PRODUCT', 'INVALID', 'TOO_OLD')),
    detail          text        not null,
    payload         bytea       not null,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'RECYCLED', 'WRITTEN_OFF')),
    received_day    date        not null,
    received_at     timestamptz not null,
    suspended_at    timestamptz not null,
    resolved_at     timestamptz,
    resolved_by     text,
    resolution      text,
    rated_id        uuid,
    kafka_partition int,
    kafka_offset    bigint
);
create index usage_suspense_usage on usage_suspense (source, usage_id);
create index usage_suspense_open on usage_suspense (reason, suspended_at) where status = 'OPEN';

-- A record received again (same source + usage id): counted once, never rated twice.
create table usage_duplicate (
    duplicate_id    uuid        primary key,
    source          text        not null,
    usage_id        text        not null,
    received_day    date        not null,
    received_at     timestamptz not null,
    detected_at     timestamptz not null,
    kafka_partition int,
    kafka_offset    bigint
);
create index usage_duplicate_usage on usage_duplicate (source, usage_id);

-- Tier accumulators: per subscriber, offering, usage type and tier period; changed in the same transaction as the
-- rated records that advance them. record_count is the arrival order of the period's last rated record.
create table tier_accumulator (
    subscriber_id text    not null,
    offering_id   text    not null,
    usage_type    text    not null,
    tier_period   text    not null,
    period_start  date    not null,
    quantity      numeric not null,
    record_count  bigint  not null,
    updated_at    timestamptz not null,
    primary key (subscriber_id, offering_id, usage_type, tier_period, period_start)
);

-- Near-real-time rollups per partner x offering x usage type x hour / day of usage time (UTC). partner_id '' is the
-- CSP itself (no partner involved). A co-created record counts in each participant's row with that participant's
-- share, so charge summed over partners counts such a record once per participant.
create table usage_rollup_hourly (
    partner_id    text    not null,
    offering_id   text    not null,
    usage_type    text    not null,
    billed_unit   text    not null,
    currency      char(3) not null,
    bucket        timestamptz not null,
    quantity      numeric not null,
    charge        numeric(24, 6) not null,
    partner_share numeric(24, 6) not null,
    wholesale     numeric(24, 6) not null,
    margin        numeric(24, 6) not null,
    record_count  bigint  not null,
    updated_at    timestamptz not null,
    primary key (partner_id, offering_id, usage_type, billed_unit, currency, bucket)
);
create table usage_rollup_daily (
    partner_id    text    not null,
    offering_id   text    not null,
    usage_type    text    not null,
    billed_unit   text    not null,
    currency      char(3) not null,
    bucket        date    not null,
    quantity      numeric not null,
    charge        numeric(24, 6) not null,
    partner_share numeric(24, 6) not null,
    wholesale     numeric(24, 6) not null,
    margin        numeric(24, 6) not null,
    record_count  bigint  not null,
    updated_at    timestamptz not null,
    primary key (partner_id, offering_id, usage_type, billed_unit, currency, bucket)
);

-- Counts per source and day received (UTC day of the Kafka record's timestamp, or of receipt for other inputs):
-- received = rated + suspended + duplicates + written_off at every commit; recycling moves a count from suspended
-- to rated, writing off from suspended to written_off.
create table usage_source_day (
    source      text   not null,
    day         date   not null,
    received    bigint not null,
    rated       bigint not null,
    suspended   bigint not null,
    duplicates  bigint not null,
    written_off bigint not null default 0,
    updated_at  timestamptz not null,
    primary key (source, day)
);

-- Rated usage aggregated per period (docs/settlement.md, "Usage aggregation"). The consumed offsets of
-- usage.rated.v1 live here, moved in the same transaction as the sums they produced; max_sequence is the highest
-- ce_sequence applied from the partition, so a record the publisher sends again (same sequence, later offset) is
-- ignored without one row per event.
create table usage_offset (
    consumer_group   varchar(200) not null,
    topic            varchar(200) not null,
    kafka_partition  integer      not null,
    next_offset      bigint       not null,
    max_sequence     bigint       not null default 0,
    updated_at       timestamptz  not null,
    primary key (consumer_group, topic, kafka_partition)
);

-- One row per period, partner, offering, usage type, direction, currency and prior-period flag; reversals add
-- their negated amounts to the same row.
create table usage_sum (
    period_id       uuid           not null,
    partner_id      uuid           not null,
    offering_id     varchar(200)   not null,
    usage_type      varchar(64)    not null,
    direction       varchar(32)    not null,
    currency        char(3)        not null,
    prior_period    boolean        not null,
    quantity        numeric(30, 9) not null,
    charge          numeric(24, 6) not null,
    amount          numeric(24, 6) not null,
    record_count    bigint         not null,
    reversal_count  bigint         not null,
    updated_at      timestamptz    not null,
    primary key (period_id, partner_id, offering_id, usage_type, direction, currency, prior_period)
);
create index usage_sum_partner on usage_sum (partner_id, period_id);

-- Partner amounts no period could take (no agreement of the partner covers the usage and none is open after it):
-- kept so that the conservation check accounts for every amount received.
create table usage_unplaced (
    partner_id    uuid           not null,
    currency      char(3)        not null,
    direction     varchar(32)    not null,
    amount        numeric(24, 6) not null,
    record_count  bigint         not null,
    updated_at    timestamptz    not null,
    primary key (partner_id, currency, direction)
);

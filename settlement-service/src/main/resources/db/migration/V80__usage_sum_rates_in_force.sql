-- A usage line's unit price and revenue share are decided on the records in force (docs/settlement.md, "Statement
-- lines"): a re-rating's reversal cancels its original, so the two no longer make a line's price mixed.

-- Per usage sum, its records by the price they tell and the share they were computed with, net of reversals: the
-- price (UnitPrices: the shortest decimal the record's charge ÷ quantity agrees with; null when the record told none)
-- or charged without a quantity (price_mixed); the share percent of the party amount (null for a wholesale amount);
-- the net quantity and record count (a reversal counts its negated quantity and -1) and the prices all its records
-- agree with. A bucket whose net quantity and count are both 0 holds no record in force.
create table usage_sum_rate (
    period_id     uuid        not null,
    partner_id    uuid        not null,
    offering_id   varchar(200) not null,
    usage_type    varchar(64) not null,
    direction     varchar(32) not null,
    currency      char(3)     not null,
    prior_period  boolean     not null,
    billed_unit   varchar(32),
    price         numeric,
    price_mixed   boolean     not null,
    share_percent numeric,
    net_quantity  numeric     not null,
    net_count     bigint      not null,
    price_low     numeric,
    price_high    numeric,
    updated_at    timestamptz not null
);
create unique index usage_sum_rate_key on usage_sum_rate (period_id, partner_id, offering_id, usage_type, direction,
                                                         currency, prior_period, billed_unit, price, price_mixed,
                                                         share_percent) nulls not distinct;

-- Whether a sum's records are all in usage_sum_rate: sums summed before V80 (and those late usage moved into or out
-- of) are not; they keep the price range of V78 and show no share.
alter table usage_sum add column rates_complete boolean not null default false;
alter table usage_sum alter column rates_complete set default true;

-- A usage line's one revenue share (percent) of its records, null when they had none in common or it is not known.
alter table statement_line add column share_rate numeric;

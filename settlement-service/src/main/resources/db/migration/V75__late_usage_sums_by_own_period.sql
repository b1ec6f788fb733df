-- Late usage by the period it belongs to, with the whole key of its usage sum (docs/settlement.md, "Discarding a
-- draft"): usage_sum keeps late usage under the open period that took it with a prior-period flag only, and
-- usage_prior_sum by its own period without offering, usage type or unit, so when the statement of its own period
-- was discarded the period's new draft could not take it back: it stayed a prior-period adjustment on a later
-- statement. Summed in the batch's transaction beside usage_sum (and usage_customer_sum for billing on behalf), for
-- every partner amount placed as a prior-period adjustment whose own period is known; a new draft of that period
-- moves it back (out of the later period's sums, into its own as ordinary usage) while the later period has no
-- statement. Late usage summed before V75 is not in it and stays where it was placed.
create table usage_late_sum (
    period_id        uuid           not null,
    usage_period_id  uuid           not null,
    partner_id       uuid           not null,
    offering_id      varchar(200)   not null,
    usage_type       varchar(64)    not null,
    direction        varchar(32)    not null,
    currency         char(3)        not null,
    billed_unit      varchar(32),
    quantity         numeric(30, 9) not null,
    charge           numeric(24, 6) not null,
    amount           numeric(24, 6) not null,
    record_count     bigint         not null,
    reversal_count   bigint         not null,
    max_sequence     bigint         not null,
    updated_at       timestamptz    not null
);
create unique index usage_late_sum_key on usage_late_sum (period_id, usage_period_id, partner_id, offering_id,
                                                         usage_type, direction, currency, billed_unit)
    nulls not distinct;
create index usage_late_sum_usage_period on usage_late_sum (usage_period_id);

create table usage_late_customer_sum (
    period_id          uuid           not null,
    usage_period_id    uuid           not null,
    partner_id         uuid           not null,
    customer_reference varchar(200)   not null,
    offering_id        varchar(200)   not null,
    usage_type         varchar(64)    not null,
    currency           char(3)        not null,
    tax_category       varchar(64)    not null,
    quantity           numeric(30, 9) not null,
    charge             numeric(24, 6) not null,
    record_count       bigint         not null,
    updated_at         timestamptz    not null,
    primary key (period_id, usage_period_id, customer_reference, offering_id, usage_type, currency, partner_id,
                 tax_category)
);

-- Whether the late record's amounts are in usage_late_sum (placed as a prior-period adjustment since V75, its own
-- period known), so a new draft of its own period moving them back also takes the record back as its own.
alter table usage_late_record add column summed_by_own_period boolean not null default false;

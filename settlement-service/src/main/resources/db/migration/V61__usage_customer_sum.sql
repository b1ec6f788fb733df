-- Billing on behalf (issue 11): what we bill each end customer in the partner's name, summed while consuming
-- usage.rated.v1 like usage_sum, for the revenue-share (PAYABLE_TO_PARTNER) amounts, keyed by the rated record's
-- customerReference ('' when rating knew none).
create table usage_customer_sum (
    period_id          uuid           not null,
    partner_id         uuid           not null,
    customer_reference varchar(200)   not null,
    offering_id        varchar(200)   not null,
    usage_type         varchar(64)    not null,
    currency           char(3)        not null,
    prior_period       boolean        not null,
    quantity           numeric(30, 9) not null,
    charge             numeric(24, 6) not null,
    record_count       bigint         not null,
    updated_at         timestamptz    not null,
    primary key (period_id, customer_reference, offering_id, usage_type, currency, prior_period, partner_id)
);

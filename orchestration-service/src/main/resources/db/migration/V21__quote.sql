-- TMF648 quotes. Items and totals are kept as priced at quote time (jsonb: the priced lines with the price versions
-- they came from); locked_prices holds the one-time and recurring amounts an acceptance locked for the order.
create table quote (
    id                      uuid          primary key,
    state                   varchar(20)   not null
        check (state in ('IN_PROGRESS', 'APPROVED', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    buyer_partner_id        uuid,
    sales_channel           varchar(100),
    customer_id             varchar(200)  not null,
    customer_name           varchar(200),
    description             varchar(2000),
    external_id             varchar(100),
    discount_percent        numeric(9, 6) not null,
    discount_needs_approval boolean       not null,
    items                   jsonb         not null,
    totals                  jsonb         not null,
    priced_at               timestamptz   not null,
    valid_until             timestamptz   not null,
    approval                varchar(20),
    decided_by              varchar(200),
    state_reason            varchar(2000),
    state_changed_at        timestamptz   not null,
    locked_prices           jsonb,
    created_by              varchar(200)  not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 bigint        not null,
    check ((buyer_partner_id is null) <> (sales_channel is null))
);
create index quote_buyer on quote (buyer_partner_id, created_at);
create index quote_open_validity on quote (valid_until) where state in ('IN_PROGRESS', 'APPROVED');
create index quote_created on quote (created_at, id);

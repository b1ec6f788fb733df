-- Launched offerings as orchestration knows them from catalog.events.v1 (never a call to the catalog). Order-safe:
-- sequence is the ce_sequence of the newest event applied for the offering; a row whose name is null is a
-- placeholder made by a price change or retirement that arrived before the launch it follows.
create table offering_view (
    id                   varchar(64)  primary key,
    partner_id           uuid,
    offering_version     integer,
    name                 varchar(200),
    category_code        varchar(100),
    sales_channels       jsonb        not null default '[]',
    valid_from           timestamptz,
    valid_to             timestamptz,
    bundle               boolean      not null default false,
    bundle_pricing       varchar(30),
    bundled_offering_ids jsonb        not null default '[]',
    specification        jsonb,
    participants         jsonb        not null default '[]',
    retired_at           timestamptz,
    retired_reason       varchar(500),
    sequence             bigint,
    updated_at           timestamptz  not null
);

-- Every price version of an offering (past, current, announced) with its validity: a quote prices with the
-- versions in force at quote time. valid_to is kept apart from the event's JSON because a later change closes it.
create table offering_price_view (
    price_version_id varchar(64) primary key,
    offering_id      varchar(64) not null,
    price_id         varchar(100) not null,
    version          integer     not null,
    valid_from       timestamptz not null,
    valid_to         timestamptz,
    price            jsonb       not null
);
create index offering_price_view_offering on offering_price_view (offering_id);

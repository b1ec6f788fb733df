-- Rating's read models of prices, agreements and product instances, kept from catalog.events.v1,
-- partner.events.v1 and order.events.v1 only (never a call to another service); docs/rating-read-models.md.
-- RatingModel builds its in-memory RatingSnapshot from these tables.

-- Counts every applied change, in the change's own transaction: a snapshot loaded together with this row in one
-- transaction reflects exactly the changes counted, whichever replica applied them.
create table rating_model_revision (
    id       smallint primary key check (id = 1),
    revision bigint   not null
);
insert into rating_model_revision (id, revision) values (1, 0);

-- Offerings as far as rating cares: the newest sequence seen, and whether they are retired (retirement keeps prices).
create table rating_offering (
    offering_id    varchar(64)  primary key,
    partner_id     varchar(64),
    sequence       bigint,
    retired_at     timestamptz,
    retired_reason varchar(500),
    updated_at     timestamptz  not null
);

-- Every usage price version ever announced (a version is immutable). valid_to is the earliest end an event gave;
-- the end a later version implies, and supersession of announced versions, are derived when the snapshot is built.
create table rating_usage_price (
    price_version_id varchar(64)  primary key,
    offering_id      varchar(64)  not null,
    price_id         varchar(100) not null,
    version          integer      not null,
    valid_from       timestamptz  not null,
    valid_to         timestamptz,
    price            jsonb        not null,
    received_at      timestamptz  not null
);
create index rating_usage_price_offering on rating_usage_price (offering_id, price_id, version);

-- Agreement versions per partner. terms is null while only an end is known (an end that overtook the activation);
-- ended_at is the earliest end any event gave (supersession, termination, expiry).
create table rating_agreement (
    agreement_id   varchar(64)  primary key,
    partner_id     varchar(64)  not null,
    version        integer,
    business_model varchar(30),
    in_force_from  timestamptz,
    valid_until    timestamptz,
    ended_at       timestamptz,
    end_reason     varchar(30),
    never_in_force boolean      not null default false,
    terms          jsonb,
    updated_at     timestamptz  not null
);
create index rating_agreement_partner on rating_agreement (partner_id);

-- Product instances, replaced whole by each newer event of the product (sequence: its newest ce_sequence).
create table rating_product (
    product_id    varchar(64)  primary key,
    subscriber_id varchar(200),
    offering_id   varchar(64)  not null,
    status        varchar(20)  not null,
    valid_from    timestamptz,
    valid_to      timestamptz,
    details       jsonb        not null,
    sequence      bigint,
    updated_at    timestamptz  not null
);

-- Every identifier usage may name an instance's subscriber by (MSISDN, ICCID, ACCOUNT_ID, ...).
create table rating_product_identifier (
    product_id varchar(64)  not null references rating_product (product_id) on delete cascade,
    type       varchar(40)  not null,
    value      varchar(200) not null,
    primary key (product_id, type, value)
);
create index rating_product_identifier_value on rating_product_identifier (value);

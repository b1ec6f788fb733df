-- The catalog model of issue 8: specifications, offerings (single, bundle, co-created) and effective-dated price
-- versions. The minimal product_offering of V2 held only development data; it is replaced.
-- btree_gist is a trusted extension (PostgreSQL 13+): the database owner that Flyway migrates with may create it.
create extension if not exists btree_gist;

drop table product_offering;

create table product_specification (
    id               uuid primary key,
    owner_key        varchar(40)   not null, -- the owning partner's id, or CSP
    partner_id       uuid,
    external_id      varchar(100),
    name             varchar(200)  not null,
    description      varchar(2000),
    lifecycle_status varchar(30)   not null,
    definition       text          not null, -- the SpecificationDraft as JSON: characteristics, fulfilment needs
    created_at       timestamptz   not null,
    last_update      timestamptz   not null,
    version          bigint        not null
);
create unique index product_specification_external on product_specification (owner_key, external_id)
    where external_id is not null;
create index product_specification_partner on product_specification (partner_id, created_at);

create table product_offering (
    id                 uuid primary key,
    owner_key          varchar(40)   not null,
    partner_id         uuid,
    external_id        varchar(100),
    name               varchar(200)  not null,
    description        varchar(2000),
    is_bundle          boolean       not null,
    category_id        uuid,
    category_code      varchar(60),
    specification_id   uuid references product_specification (id),
    valid_from         timestamptz,
    valid_to           timestamptz,
    status             varchar(20)   not null, -- DRAFT, IN_REVIEW, APPROVED, REJECTED, LAUNCHED, RETIRED
    offering_version   int           not null,
    definition         text          not null, -- the canonical OfferingDraft as JSON (what export writes)
    pending_change     varchar(30),            -- NEW_VERSION / NEW_PRICE_VERSION of a launched offering in review
    pending_definition text,
    status_reason      varchar(2000),
    launch_at          timestamptz,
    submitted_at       timestamptz,
    decided_at         timestamptz,
    decided_by         varchar(200),
    launched_at        timestamptz,
    retired_at         timestamptz,
    created_at         timestamptz   not null,
    last_update        timestamptz   not null,
    version            bigint        not null
);
create unique index product_offering_external on product_offering (owner_key, external_id)
    where external_id is not null;
create index product_offering_partner on product_offering (partner_id, created_at);
create index product_offering_status on product_offering (status, created_at);
create index product_offering_review on product_offering (submitted_at) where status = 'IN_REVIEW'
    or pending_change is not null;

create table offering_participant (
    offering_id   uuid          not null references product_offering (id) on delete cascade,
    partner_id    uuid          not null,
    share_percent numeric(9, 6) not null check (share_percent > 0 and share_percent <= 100),
    position      int           not null,
    primary key (offering_id, position)
);
create index offering_participant_partner on offering_participant (partner_id);

create table offering_bundle_component (
    bundle_id    uuid not null references product_offering (id) on delete cascade,
    component_id uuid not null references product_offering (id),
    position     int  not null,
    primary key (bundle_id, position)
);
create index offering_bundle_component_component on offering_bundle_component (component_id);

-- One row per price version. A launched version is never edited: a change is a new version; the version it
-- replaces only gets its validity closed (valid_to), and an announced version that never started may be superseded.
create table product_offering_price (
    id               uuid primary key,
    offering_id      uuid           not null references product_offering (id) on delete cascade,
    price_key        varchar(100)   not null, -- the price's external id within the offering
    version_number   int            not null,
    name             varchar(200)   not null,
    price_type       varchar(20)    not null,
    status           varchar(20)    not null, -- DRAFT, LAUNCHED, SUPERSEDED
    amount           numeric(24, 6),
    currency         varchar(3)     not null,
    tax_category     varchar(40)    not null,
    recurring_period varchar(10),
    proration        varchar(10),
    unit             varchar(20),
    rounding_first   int,
    rounding_next    int,
    minimum_quantity numeric(24, 6),
    tier_mode        varchar(20),
    accumulation     varchar(20),
    usage_types      varchar(1000),
    minimum_charge   numeric(24, 6),
    valid_from       timestamptz    not null,
    valid_to         timestamptz,
    created_at       timestamptz    not null,
    unique (offering_id, price_key, version_number),
    check (valid_to is null or valid_to > valid_from),
    -- never two versions of the same price in force for an offering at one instant; its GiST index also answers
    -- "the price in force at t" (offering_id = ? and the range contains t)
    constraint product_offering_price_no_overlap exclude using gist (
        offering_id with =, price_key with =, tstzrange(valid_from, valid_to, '[)') with &&)
        where (status <> 'SUPERSEDED')
);

create table product_offering_price_tier (
    price_id   uuid           not null references product_offering_price (id) on delete cascade,
    position   int            not null,
    from_qty   numeric(24, 6) not null,
    to_qty     numeric(24, 6),
    rate       numeric(24, 6) not null,
    primary key (price_id, position)
);

-- What settlement knows of partners, from partner.events.v1 (docs/settlement.md, "Read models").

-- Every agreement version that came into force, with its full terms. The activation fills the terms, an end event
-- (superseded, terminated, expired) fills ended_at: disjoint columns, so the events may arrive in any order.
create table agreement_view (
    agreement_id      varchar(64) primary key,
    partner_id        uuid        not null,
    version           integer,
    business_model    varchar(32),
    in_force_from     timestamptz,
    valid_until       timestamptz,
    ended_at          timestamptz,
    end_reason        varchar(32),
    never_in_force    boolean     not null default false,
    currency          char(3),
    settlement_cycle  varchar(16),
    terms             jsonb,
    updated_at        timestamptz not null
);
create index agreement_view_partner on agreement_view (partner_id, in_force_from);

-- The partner's legal data that documents print. The legal part (name, address, tax id) and the bank part each
-- keep the partner sequence (ce_sequence) of the event they came from: an older event never overwrites them.
create table partner_legal_view (
    partner_id          uuid primary key,
    legal_name          varchar(300),
    country             char(2),
    business_model      varchar(32),
    settlement_currency char(3),
    tax_id              varchar(40),
    street1             varchar(200),
    street2             varchar(200),
    city                varchar(120),
    post_code           varchar(20),
    legal_sequence      bigint,
    legal_seen          boolean     not null default false,
    iban                varchar(34),
    bic                 varchar(11),
    bank_confirmed_at   timestamptz,
    bank_sequence       bigint,
    updated_at          timestamptz not null
);

-- Statement lines beyond usage (docs/settlement.md, "Statement lines").

-- The product read model keeps what co-created shares and per-resource wholesale fees need, from the product events
-- that already carry them: the offering's participants and the subscriber identifiers (an ICCID is a SIM).
alter table product_view
    add column participants jsonb not null default '[]',
    add column identifiers  jsonb not null default '[]';
create index product_view_participants on product_view using gin (participants jsonb_path_ops);

-- Every line says which way its money flows (PAYABLE_TO_PARTNER / OWED_BY_PARTNER) and what it traces to (the
-- dispute of an adjustment, the price of a recurring charge, the share rule of a tier bonus).
alter table statement_line
    add column direction varchar(32),
    add column reference varchar(200);

-- Money that disputes' resolutions move (DisputeResolved on dispute.events.v1), pending until the partner's next
-- drafted statement carries it: statement_id is set in the drafting transaction, so each is carried exactly once.
create table dispute_adjustment (
    adjustment_id        varchar(200)   primary key,
    dispute_id           varchar(200)   not null,
    partner_id           uuid           not null,
    direction            varchar(16)    not null,
    amount               numeric(24, 6) not null,
    currency             char(3)        not null,
    reason               varchar(1000),
    period_reference     varchar(200),
    statement_reference  varchar(200),
    outcome              varchar(32),
    resolved_at          timestamptz,
    received_at          timestamptz    not null,
    statement_id         uuid,
    carried_at           timestamptz
);
create index dispute_adjustment_pending on dispute_adjustment (partner_id, received_at) where statement_id is null;
create index dispute_adjustment_statement on dispute_adjustment (statement_id);

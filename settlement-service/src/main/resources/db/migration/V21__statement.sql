-- Statements per partner and period (docs/settlement.md, "Statements"): never two for one partner and period.
create table statement (
    id                   uuid primary key,
    partner_id           uuid           not null,
    period_id            uuid           not null,
    state                varchar(16)    not null,
    currency             char(3)        not null,
    net_amount           numeric(24, 6) not null,
    tax_amount           numeric(24, 6) not null,
    total_amount         numeric(24, 6) not null,
    rounding_difference  numeric(24, 6) not null,
    tax_note             text,
    prepared_by          varchar(200)   not null,
    approved_by          varchar(200),
    approved_at          timestamptz,
    document_number      varchar(64) unique,
    issuing_entity_id    varchar(64),
    issued_at            timestamptz,
    paid_amount          numeric(24, 6) not null default 0,
    created_at           timestamptz    not null,
    unique (partner_id, period_id)
);

create table statement_line (
    statement_id     uuid           not null references statement (id),
    line_no          integer        not null,
    type             varchar(32)    not null,
    label            varchar(500)   not null,
    offering_id      varchar(200),
    usage_type       varchar(64),
    quantity         numeric(30, 9),
    unrounded        numeric(24, 6) not null,
    rounded          numeric(24, 6) not null,
    fx_rate          numeric(24, 10),
    source_amount    numeric(24, 6),
    source_currency  char(3),
    primary key (statement_id, line_no)
);

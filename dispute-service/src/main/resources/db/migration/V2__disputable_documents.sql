-- Read model from settlement.events.v1 and partner.events.v1: what a partner may dispute, until when, up to how much.
create table issued_statement (
    statement_id   varchar(64) primary key,
    partner_id     uuid        not null,
    document_number varchar(64),
    period_id      varchar(64),
    currency       char(3)     not null,
    total_amount   numeric(24, 6) not null,
    issued_at      timestamptz not null
);

create table statement_line (
    statement_line_id varchar(200) primary key,
    statement_id      varchar(64)    not null,
    amount            numeric(24, 6) not null
);

create table partner_dispute_window (
    partner_id   uuid primary key,
    window_days  int    not null,
    agreement_id varchar(64),
    sequence     bigint
);

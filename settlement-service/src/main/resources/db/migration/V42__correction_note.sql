-- Credit and debit notes correcting issued statements (docs/settlement.md, "Credit and debit notes"): drafted,
-- approved four-eyes, issued with a gap-free number of the statement's issuing entity. Amounts are positive; the
-- type says whose favour they are in.
create table correction_note (
    id                 uuid primary key,
    note_type          varchar(16)    not null check (note_type in ('CREDIT_NOTE', 'DEBIT_NOTE')),
    statement_id       uuid           not null references statement (id),
    partner_id         uuid           not null,
    period_id          uuid           not null,
    state              varchar(16)    not null,
    currency           char(3)        not null,
    net_amount         numeric(24, 6) not null,
    tax_rate_percent   varchar(16)    not null,
    tax_amount         numeric(24, 6) not null,
    tax_note           text,
    total_amount       numeric(24, 6) not null,
    reason             varchar(1000)  not null,
    prepared_by        varchar(200)   not null,
    approved_by        varchar(200),
    approved_at        timestamptz,
    document_number    varchar(64) unique,
    issuing_entity_id  varchar(64),
    issued_at          timestamptz,
    created_at         timestamptz    not null
);

create index correction_note_statement on correction_note (statement_id);

create table correction_note_line (
    note_id                uuid           not null references correction_note (id),
    line_no                integer        not null,
    label                  varchar(500)   not null,
    amount                 numeric(24, 6) not null check (amount > 0),
    statement_line_number  integer,
    primary key (note_id, line_no)
);

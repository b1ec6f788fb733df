-- Partner invoices and their reconciliation (docs/settlement-reconciliation.md).

-- A partner's own invoice for one of its settlement periods; amounts in the statement's sign convention (positive:
-- we pay the partner, negative: the partner owes us), at the currency's minor unit.
create table partner_invoice (
    id               uuid primary key,
    partner_id       uuid           not null,
    period_id        uuid           not null,
    invoice_number   varchar(64)    not null,
    invoice_date     date           not null,
    currency         char(3)        not null,
    total_amount     numeric(24, 6) not null,
    line_count       integer        not null,
    pdf              bytea,
    pdf_sha256       char(64),
    pdf_file_name    varchar(255),
    usage_rows       bigint,
    usage_sha256     char(64),
    usage_file_name  varchar(255),
    submitted_by     varchar(200)   not null,
    submitted_at     timestamptz    not null,
    unique (partner_id, invoice_number)
);
create index partner_invoice_period on partner_invoice (partner_id, period_id);

create table partner_invoice_line (
    invoice_id    uuid           not null references partner_invoice (id),
    line_no       integer        not null,
    offering_id   varchar(200),
    usage_type    varchar(64),
    period_start  date,
    reference     varchar(200),
    description   varchar(500),
    quantity      numeric(30, 9),
    amount        numeric(24, 6) not null,
    primary key (invoice_id, line_no)
);

-- One line-level reconciliation of an invoice against our statement of the same partner and period.
create table reconciliation (
    id                uuid primary key,
    invoice_id        uuid           not null references partner_invoice (id),
    partner_id        uuid           not null,
    period_id         uuid           not null,
    statement_id      uuid           not null,
    document_number   varchar(64),
    match_keys        varchar(100)   not null,
    currency          char(3)        not null,
    absolute_tolerance numeric(24, 6) not null,
    percent_tolerance numeric(12, 6) not null,
    statement_total   numeric(24, 6) not null,
    invoice_total     numeric(24, 6) not null,
    difference        numeric(24, 6) not null,
    discrepancies     boolean        not null,
    reconciled_by     varchar(200)   not null,
    reconciled_at     timestamptz    not null
);
create index reconciliation_invoice on reconciliation (invoice_id, reconciled_at);

create table reconciliation_line (
    reconciliation_id  uuid           not null references reconciliation (id),
    line_no            integer        not null,
    outcome            varchar(24)    not null,
    beyond_tolerance   boolean        not null,
    offering_id        varchar(200),
    usage_type         varchar(64),
    period_key         varchar(16),
    reference          varchar(200),
    statement_line_ids text,
    invoice_line_nos   text,
    statement_amount   numeric(24, 6),
    invoice_amount     numeric(24, 6),
    difference         numeric(24, 6) not null,
    tolerance          numeric(24, 6) not null,
    primary key (reconciliation_id, line_no)
);

-- The partner's CDRs, streamed in with COPY (millions of rows): never held in memory.
create table partner_usage_record (
    invoice_id     uuid           not null references partner_invoice (id),
    row_no         bigint         not null,
    usage_id       varchar(200)   not null,
    subscriber_id  varchar(200)   not null,
    usage_time     timestamptz    not null,
    usage_type     varchar(64),
    quantity       numeric(30, 9) not null,
    amount         numeric(24, 6),
    primary key (invoice_id, row_no)
);
create unique index partner_usage_record_usage on partner_usage_record (invoice_id, usage_id);

-- A record-level match of an invoice's CDRs against our rated usage (read from rating's export).
create table usage_match (
    id                      uuid primary key,
    invoice_id              uuid          not null references partner_invoice (id),
    partner_id              uuid          not null,
    mode                    varchar(16)   not null,
    time_tolerance_seconds  integer       not null,
    quantity_tolerance      numeric(30, 9) not null,
    amount_tolerance        numeric(24, 6) not null,
    state                   varchar(16)   not null,
    error                   text,
    outcomes                jsonb,
    requested_by            varchar(200)  not null,
    requested_at            timestamptz   not null,
    completed_at            timestamptz
);
create index usage_match_invoice on usage_match (invoice_id, requested_at);

-- What a match could not pair (or paired with a difference): downloadable as CSV.
create table usage_match_unmatched (
    match_id        uuid           not null,
    record_no       bigint         not null,
    outcome         varchar(24)    not null,
    usage_id        varchar(200),
    their_usage_id  varchar(200),
    subscriber_id   varchar(200),
    usage_time      timestamptz,
    usage_type      varchar(64),
    our_quantity    numeric(30, 9),
    their_quantity  numeric(30, 9),
    our_amount      numeric(24, 6),
    their_amount    numeric(24, 6),
    primary key (match_id, outcome, record_no)
);

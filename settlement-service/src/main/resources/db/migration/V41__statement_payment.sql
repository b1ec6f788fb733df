-- Payments recorded against issued statements (docs/settlement.md, "Payments"): partial payments add up to the
-- statement's total, then it is PAID. A bank reference is recorded once per statement.
create table statement_payment (
    id                uuid primary key,
    statement_id      uuid           not null references statement (id),
    partner_id        uuid           not null,
    amount            numeric(24, 6) not null check (amount > 0),
    currency          char(3)        not null,
    paid_on           date           not null,
    reference         varchar(140)   not null,
    remaining_amount  numeric(24, 6) not null,
    statement_state   varchar(16)    not null,
    recorded_by       varchar(200)   not null,
    recorded_at       timestamptz    not null,
    unique (statement_id, reference)
);

-- Issue 12: where settlement placed a resolved dispute's adjustment (DisputeAdjustmentSettled on settlement.events.v1):
-- a line of the partner's next statement, or a credit or debit note of its own.
create table adjustment_settlement (
    adjustment_id varchar(200) primary key,
    dispute_id    varchar(200) not null,
    settled_on    varchar(16)  not null,
    document_id   varchar(64)  not null,
    line_id       varchar(200) not null,
    amount        numeric(24, 6) not null,
    currency      char(3)      not null,
    settled_at    timestamptz  not null
);
create index adjustment_settlement_dispute on adjustment_settlement (dispute_id, settled_at);

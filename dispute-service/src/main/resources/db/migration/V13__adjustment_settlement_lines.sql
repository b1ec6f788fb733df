-- Every document line settlement placed a dispute's adjustment on (DisputeAdjustmentSettled.lines): one, or one per
-- disputed statement line of a split adjustment, with the statement line it carries the share of. Replaced with the
-- placement they belong to (adjustment_settlement: a later placement replaces an earlier one). No rows: the event
-- named one line only (published before it named them all): adjustment_settlement's line_id and amount say where.
create table adjustment_settlement_line (
    adjustment_id     varchar(200)   not null references adjustment_settlement (adjustment_id) on delete cascade,
    line_number       int            not null,
    line_id           varchar(200)   not null,
    statement_line_id varchar(200),
    amount            numeric(24, 6) not null,
    primary key (adjustment_id, line_number)
);

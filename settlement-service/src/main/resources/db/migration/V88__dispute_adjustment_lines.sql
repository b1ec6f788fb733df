-- A dispute adjustment split by the disputed statement lines (DisputeResolved.adjustment.lines): each line's share is
-- booked against its own statement line. No rows: the adjustment is booked as one line, as before.
create table dispute_adjustment_line (
    adjustment_id     varchar(200)   not null references dispute_adjustment (adjustment_id),
    line_number       int            not null,
    statement_line_id varchar(200)   not null,
    disputed_amount   numeric(24, 6),
    amount            numeric(24, 6) not null,
    primary key (adjustment_id, line_number)
);

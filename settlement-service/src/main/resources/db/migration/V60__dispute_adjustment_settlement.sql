-- Issue 12: a dispute adjustment is settled on the partner's next statement (statement_id, as before) or on a credit
-- or debit note of its own (note_id); settled_line_id names the document line that carries it (<document id>-<n>).
alter table dispute_adjustment
    add column note_id         uuid,
    add column settled_line_id varchar(200);

drop index dispute_adjustment_pending;
create index dispute_adjustment_pending on dispute_adjustment (partner_id, received_at)
    where statement_id is null and note_id is null;

-- How a partner's dispute adjustments are settled when it differs from accord.settlement.adjustments.settle-by.
create table adjustment_setting (
    partner_id uuid primary key,
    settle_by  varchar(16)  not null check (settle_by in ('NEXT_STATEMENT', 'NOTE')),
    updated_by varchar(200) not null,
    updated_at timestamptz  not null
);

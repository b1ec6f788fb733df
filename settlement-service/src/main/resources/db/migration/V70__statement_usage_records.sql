-- Which rated records a statement billed, for the record-level usage match (docs/settlement-reconciliation.md,
-- "Which records are ours"): the records a period's sums took are those of its own window placed while it was OPEN
-- plus the late records placed in it, and nothing after its highest sequence.

-- The highest rated sequence number (UsageRated.sequence) added to the row. Null: the row was summed before V70,
-- so its period's records can only be told by the period window.
alter table usage_sum add column max_sequence bigint;

-- One row per partner amount placed outside its own period: late usage (period_id = the open period that took it,
-- prior_period there) or usage no period took (period_id null) although its usage time falls in a period of the
-- partner (one no longer OPEN). Rare by nature; on-time usage keeps no row.
create table usage_late_record (
    partner_id       uuid        not null,
    rated_id         uuid        not null,
    period_id        uuid,
    usage_period_id  uuid,
    usage_time       timestamptz not null,
    sequence         bigint      not null,
    placed_at        timestamptz not null,
    primary key (partner_id, rated_id)
);
create index usage_late_record_period on usage_late_record (period_id);
create index usage_late_record_usage_period on usage_late_record (usage_period_id);

-- What a match compared with: STATEMENT (the records the invoice period's statement billed) or PERIOD_WINDOW (the
-- period's usage time window; every match before V70, and one of a period still OPEN or summed before V70).
alter table usage_match add column basis varchar(16) not null default 'PERIOD_WINDOW';

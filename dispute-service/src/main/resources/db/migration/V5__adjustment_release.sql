-- StatementDiscarded (settlement.events.v1): finance discarded the draft statement that carried these dispute
-- adjustments, so their placement on it no longer stands and they are pending again until the next draft's
-- DisputeAdjustmentSettled. Kept apart from adjustment_settlement because the discard (keyed by the statement) and
-- the placements (keyed by the dispute) travel on different partitions: either may arrive first.
create table adjustment_release (
    adjustment_id varchar(200) not null,
    document_id   varchar(64)  not null,
    released_at   timestamptz  not null,
    primary key (adjustment_id, document_id)
);

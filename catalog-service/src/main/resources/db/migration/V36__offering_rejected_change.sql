-- A rejected change of a launched offering keeps its reason with the change, not as the offering's statusReason (the
-- offering itself stays launched as it was, and its status was never rejected).
alter table product_offering
    add column rejected_change        varchar(20),
    add column rejected_change_reason varchar(2000),
    add column rejected_change_at     timestamptz;

-- a launched offering's statusReason could only come from a rejected change (what the change was is not known)
update product_offering
   set rejected_change_reason = status_reason, rejected_change_at = decided_at, status_reason = null
 where status = 'LAUNCHED' and status_reason is not null;

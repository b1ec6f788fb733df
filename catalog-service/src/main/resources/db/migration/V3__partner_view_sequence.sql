-- Order-safe partner view (issue 6): the ce_sequence of the newest event applied, so a stale event changes nothing,
-- and a placeholder row (legal_name null) for a status change that arrives before the partner's activation.
alter table partner_view alter column legal_name drop not null;
alter table partner_view add column sequence bigint;

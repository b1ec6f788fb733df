-- Staff asked the partner for information (state PENDING_INFORMATION): since when the resolution deadline is paused.
-- The partner's answer (or staff's review) moves the deadline on by the business days it was paused and clears it.
alter table dispute add column resolution_paused_at timestamptz;

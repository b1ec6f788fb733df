-- Identity provisioning that cannot succeed by retrying (the admin user already belongs to another partner, or
-- Keycloak refuses the data as invalid) stops in NEEDS_ATTENTION with its reason, instead of being retried for
-- good as FAILED_RETRYING (found on 2026-12-07: a Northwind duplicate's admin was retried every few minutes,
-- forever, and nobody was told). The worker no longer claims such rows; a staff retry makes them due again.
-- last_attempt_at: when the worker last tried, which updated_at (also moved by staff requests) does not say.
alter table identity_provisioning
    add column last_attempt_at timestamptz,
    drop constraint identity_provisioning_state,
    add constraint identity_provisioning_state
        check (state in ('PENDING', 'FAILED_RETRYING', 'NEEDS_ATTENTION', 'DONE', 'REVOKING', 'REVOKED'));

update identity_provisioning set last_attempt_at = updated_at where attempts > 0;

drop index identity_provisioning_due;
create index identity_provisioning_due on identity_provisioning (next_attempt_at)
    where state not in ('DONE', 'REVOKED', 'NEEDS_ATTENTION');

-- An application submitted again after an information request keeps its first submission time (submitted_at);
-- the latest one is last_submitted_at.
alter table partner_application add column last_submitted_at timestamptz;

update partner_application set last_submitted_at = submitted_at where submitted_at is not null;

-- GDPR erasure reaches Keycloak and applications (docs/personal-data.md). When a terminated partner's contacts are
-- erased, its users are deleted from Keycloak (ERASING until that succeeded, retried with backoff; then ERASED, which
-- nothing works on again), and the provisioning row forgets its admin's e-mail and name.
alter table identity_provisioning
    drop constraint identity_provisioning_state,
    add constraint identity_provisioning_state
        check (state in ('PENDING', 'FAILED_RETRYING', 'NEEDS_ATTENTION', 'DONE', 'REVOKING', 'REVOKED', 'ERASING',
                         'ERASED'));

drop index identity_provisioning_due;
create index identity_provisioning_due on identity_provisioning (next_attempt_at)
    where state not in ('DONE', 'REVOKED', 'NEEDS_ATTENTION', 'ERASED');

-- An application's contacts are erased with its terminated partner's, or once its rejection is older than the
-- retention (accord.onboarding.retention.applications.after-rejection): when that happened.
alter table partner_application add column contacts_erased_at timestamptz;

-- the retention job's selection: rejected applications whose contacts are not erased yet
create index partner_application_contacts_due on partner_application (decided_at)
    where status = 'REJECTED' and contacts_erased_at is null;

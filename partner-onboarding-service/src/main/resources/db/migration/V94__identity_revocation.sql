-- A terminated partner's users lose their access: the worker disables the members of its Keycloak group and ends
-- their sessions (REVOKING until that succeeded, then REVOKED, which nothing works on again).
alter table identity_provisioning
    drop constraint identity_provisioning_state,
    add constraint identity_provisioning_state
        check (state in ('PENDING', 'FAILED_RETRYING', 'DONE', 'REVOKING', 'REVOKED'));

drop index identity_provisioning_due;
create index identity_provisioning_due on identity_provisioning (next_attempt_at)
    where state not in ('DONE', 'REVOKED');

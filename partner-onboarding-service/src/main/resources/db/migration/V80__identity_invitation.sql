-- The partner admin's first-login e-mail (Keycloak's execute-actions e-mail: set a password, verify the e-mail),
-- the last step of provisioning: PENDING until sent, SENT once Keycloak accepted it, FAILED while it fails
-- (the row then retries like any other step). Staff may ask for it again (back to PENDING).
alter table identity_provisioning
    add column invitation_state   varchar(20)   not null default 'PENDING',
    add column invitation_sent_at timestamptz,
    add column invitations_sent   integer       not null default 0,
    add column invitation_error   varchar(1000),
    add constraint identity_provisioning_invitation_state
        check (invitation_state in ('PENDING', 'SENT', 'FAILED'));

-- admins provisioned before this change never got an e-mail and cannot log in: send it to them now
update identity_provisioning set state = 'PENDING', next_attempt_at = now() where state = 'DONE';

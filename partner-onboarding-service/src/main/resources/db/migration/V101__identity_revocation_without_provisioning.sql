-- A partner terminated without ever being provisioned (created or migrated without the identity step, its users made
-- by hand with the partner_id attribute or in a group of their own) gets a row too, to revoke its users' access
-- (found on 2026-12-07: such users kept logging in after the termination). That row names no admin.
alter table identity_provisioning
    alter column admin_email drop not null,
    alter column admin_first_name drop not null,
    alter column admin_last_name drop not null;

-- GDPR erasure of contact persons (docs/personal-data.md): when a partner was terminated (the start of the
-- contacts' retention; earlier terminations take the last change, which a terminated partner no longer gets), when
-- its contacts' personal data was erased, and which individuals were erased.
alter table partner
    add column terminated_at       timestamptz,
    add column contacts_erased_at  timestamptz;

update partner set terminated_at = updated_at where status = 'TERMINATED';

-- the retention job's selection: terminated partners whose contacts are not erased yet
create index partner_contacts_due_for_erasure on partner (terminated_at)
    where status = 'TERMINATED' and contacts_erased_at is null;

alter table partner_individual
    add column erased_at timestamptz;

-- Accounts of countries that issue no IBANs (US, CA, ...): account number and bank code (US: ABA routing number),
-- confirmed and waiting for confirmation.
alter table partner
    add column account_number         varchar(40),
    add column bank_code              varchar(20),
    add column pending_account_number varchar(40),
    add column pending_bank_code      varchar(20);

-- duplicate detection looks partners up by their confirmed account
create index partner_iban on partner (iban) where iban is not null;
create index partner_account_number on partner (account_number, bank_code) where account_number is not null;

-- A terminated partner's bank account change can never be confirmed: termination now cancels it; the changes left
-- waiting by earlier terminations are cancelled here, each with an audit entry naming what was dropped.
with cancelled as (
    select id, pending_iban, pending_bic, pending_bank_change_id, pending_bank_requested_by_name, pending_bank_since
      from partner
     where status = 'TERMINATED' and pending_iban is not null
),
cleared as (
    update partner p
       set pending_iban = null, pending_bic = null, pending_bank_since = null, pending_bank_change_id = null,
           pending_bank_requested_by = null, pending_bank_requested_by_name = null
      from cancelled c
     where p.id = c.id
    returning p.id
)
insert into audit_event (actor, partner_id, resource_type, resource_id, action, before_state, after_state)
select 'flyway:V100', c.id, 'partner', c.id::text, 'bank-account-change-cancelled',
       jsonb_build_object('pendingBankAccount', jsonb_build_object('changeId', c.pending_bank_change_id,
                          'iban', c.pending_iban, 'bic', c.pending_bic,
                          'requestedBy', c.pending_bank_requested_by_name, 'requestedAt', c.pending_bank_since)),
       jsonb_build_object('reason', 'V100: the partner is TERMINATED; its waiting bank account change can no longer'
                          || ' be confirmed')
  from cancelled c join cleared using (id);

-- Partners are found by their ids in other systems (TMF632 externalReference.name, e.g. a legacy id): the one place
-- the references are queried inside; the filter calls it with the attribute's column.
create function partner_external_reference_named(refs jsonb, wanted text) returns boolean
    language sql immutable as $$
    select coalesce(refs @> jsonb_build_array(jsonb_build_object('name', wanted)), false)
$$;
create index partner_external_reference on partner using gin (external_reference jsonb_path_ops);

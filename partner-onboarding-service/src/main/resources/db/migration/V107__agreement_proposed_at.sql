-- When a version was proposed, so that staff can list the versions awaiting terms approval newest proposal first
-- (GET /agreement?termsApproval=pending) and see how long each has waited.
alter table agreement add column proposed_at timestamptz;

-- back-filled from the audit trail: the latest 'proposed' entry of each version (a version proposed before the
-- audit trail recorded it keeps null; the list puts such versions last)
update agreement a
set proposed_at = p.occurred_at
from (select resource_id, max(occurred_at) as occurred_at
      from audit_event
      where resource_type = 'agreement' and action = 'proposed'
      group by resource_id) p
where p.resource_id = a.id::text
  and a.status <> 'DRAFT';

comment on column agreement.proposed_at is 'when proposed_by proposed the version to the partner';

-- the staff worklist: proposed versions whose terms no second CSP user has approved yet
create index agreement_terms_approval_pending on agreement (proposed_at desc, id)
    where status = 'PENDING_APPROVAL' and terms_approved_at is null;

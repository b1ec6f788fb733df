-- Four-eyes on agreement terms: a second CSP user (partner-manager or platform-admin) approves a proposed
-- version's terms before the partner can countersign it; nobody who created, changed or proposed it may.
alter table agreement
    add column changed_by        text,
    add column proposed_by       varchar(200),
    add column terms_approved_at timestamptz,
    add column terms_approved_by varchar(200);

-- versions countersigned before this are left as they were: their approval was the old rule's
comment on column agreement.changed_by is 'users who changed the draft, one per line (four-eyes)';
comment on column agreement.terms_approved_by is 'the second CSP user who approved the terms; "onboarding policy" for an unchanged template';

-- GDPR (docs/personal-data.md). An application waiting for its applicant (DRAFT, INFO_REQUESTED) without a change for
-- accord.onboarding.retention.applications.after-inactivity becomes EXPIRED and loses its contacts; the retention
-- job's selection of those, longest left alone first:
create index partner_application_inactive on partner_application (updated_at)
    where status in ('DRAFT', 'INFO_REQUESTED');

-- An erased partner's or application's documents forget who uploaded each version (a partner user's user name is
-- its e-mail); the audit trail's upload entries keep the actor.
alter table document_version alter column uploaded_by drop not null;

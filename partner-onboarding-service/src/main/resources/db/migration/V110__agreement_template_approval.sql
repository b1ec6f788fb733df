-- Four-eyes on agreement templates: a new template version is proposed until a second partner-manager or
-- platform-admin (not its author) approves it; only the highest APPROVED version of a business model is current,
-- and only it starts new agreements (activation approves version 1 from it without a human step).
alter table agreement_template
    add column approved_at timestamptz,
    add column approved_by varchar(200);

-- Back-fill: every version that existed was published under the old rule (current at once, used by activation);
-- they stay approved, so the current one stays current and running systems keep onboarding.
update agreement_template set approved_at = created_at, approved_by = 'migration V110 (published before four-eyes)';

alter table agreement_template add constraint agreement_template_approval check (
    (approved_at is null) = (approved_by is null));

-- Agreement versions name the authors of the template version their terms came from: they prepared those terms,
-- so they count among the version's preparers and may not approve its terms (one user a line).
alter table agreement add column template_authored_by text;
comment on column agreement.template_authored_by is
    'authors of the template version the terms came from, one per line (four-eyes: preparers)';

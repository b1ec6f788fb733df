-- agreement.template_id references agreement_template without an index. Templates are never deleted or re-keyed
-- today, so nothing reads agreements by template yet; the index (agreements are few, one row per version) keeps
-- ServiceBaselineTests' rule without an exception: every foreign key leads an index, so that the check of a
-- referenced row's delete never reads the referencing table whole.
create index agreement_by_template on agreement (template_id);

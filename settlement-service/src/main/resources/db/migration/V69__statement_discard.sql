-- Finance discards a wrong DRAFT or APPROVED statement (docs/settlement.md, "Discarding a draft"): the row and its
-- lines stay for the audit trail as DISCARDED (who, when, why), and the partner's period may be drafted again.
-- * one statement per partner and period now counts only the statements not discarded: the unique constraint of V21
--   becomes a partial unique index (drafting inserts with on conflict on it);
-- * the states were unchecked text: they are now the five the statement knows, and a discarded statement says when;
-- * a discarded statement was never numbered (issued statements are corrected with a credit or debit note).
alter table statement
    add column discarded_by   varchar(200),
    add column discarded_at   timestamptz,
    add column discard_reason varchar(1000),
    add constraint statement_state check (state in ('DRAFT', 'APPROVED', 'ISSUED', 'PAID', 'DISCARDED')),
    add constraint statement_discard check ((state = 'DISCARDED') = (discarded_at is not null)),
    add constraint statement_discarded_unnumbered check (state <> 'DISCARDED' or document_number is null);

alter table statement drop constraint statement_partner_id_period_id_key;
create unique index statement_partner_period on statement (partner_id, period_id) where state <> 'DISCARDED';
-- the periods a run drafts again (their statements discarded, none drafted since): a run's start looks them up
create index statement_discarded on statement (partner_id, period_id) where state = 'DISCARDED';

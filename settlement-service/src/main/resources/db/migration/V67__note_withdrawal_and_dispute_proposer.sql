-- Credit and debit notes (docs/settlement.md, "Credit and debit notes"):
-- * finance withdraws a wrong DRAFT or APPROVED note (who, when, why); an ISSUED one is corrected by another note.
--   The states were unchecked text: they are now the four the note knows.
-- * four-eyes for a note settling a dispute adjustment: proposed_by is who proposed the correction when the note's
--   preparer is someone else (system), i.e. the dispute's resolver from DisputeResolved.resolvedBy; it may not
--   approve the note either. dispute_adjustment keeps the resolver as received.
alter table correction_note
    add column proposed_by       varchar(200),
    add column withdrawn_by      varchar(200),
    add column withdrawn_at      timestamptz,
    add column withdrawal_reason varchar(1000),
    add constraint correction_note_state check (state in ('DRAFT', 'APPROVED', 'ISSUED', 'WITHDRAWN')),
    add constraint correction_note_withdrawal check ((state = 'WITHDRAWN') = (withdrawn_at is not null));

alter table dispute_adjustment add column resolved_by varchar(200);

-- When the document that carries a dispute adjustment (a statement, or a credit/debit note) was issued: partners see
-- an adjustment's statement, note and line only from then on (docs/settlement.md, "Dispute adjustments"); before,
-- it shows as pending to them, so nothing of a draft is visible.
alter table dispute_adjustment add column document_issued_at timestamptz;

update dispute_adjustment a set document_issued_at = s.issued_at
from statement s
where s.id = a.statement_id and s.state in ('ISSUED', 'PAID');

update dispute_adjustment a set document_issued_at = n.issued_at
from correction_note n
where n.id = a.note_id and n.state = 'ISSUED';

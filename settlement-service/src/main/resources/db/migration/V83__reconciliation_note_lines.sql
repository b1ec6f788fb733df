-- A reconciliation compares the invoice with the statement as our issued credit and debit notes corrected it: each
-- compared line says which note lines it summed (<note id>-<line number>, comma-separated), apart from the
-- statement's own lines. Earlier reconciliations included no notes (null).
alter table reconciliation_line add column note_line_ids text;

-- A statement line's offering, usage type and line type as StatementIssued carries them (settlement.events.v1): a
-- reconciliation discrepancy names an offering and usage type, not always the lines it is about, so the dispute it
-- opens finds the lines it covers by these, and a partner's dispute on one of those lines is refused while the
-- reconciliation's dispute is open. Lines recorded before stay without them (null: matched by line id only).
alter table statement_line add column offering_id varchar(200);
alter table statement_line add column usage_type varchar(64);
alter table statement_line add column line_type varchar(64);

-- A prior-period usage line names what it adjusts (docs/settlement.md, "Statement lines"): per closed period its late
-- records belong to, the period, the record count, that period's statement and the line it corrects; a line carrying
-- late usage of several periods names each, which may not fit the 200 characters a dispute or price id needed.
alter table statement_line alter column reference type varchar(2000);
-- a reconciliation matching by REFERENCE keeps the reference of our lines it compared
alter table reconciliation_line alter column reference type varchar(2000);

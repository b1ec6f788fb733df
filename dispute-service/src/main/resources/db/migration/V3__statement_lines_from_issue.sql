-- StatementIssued carries the statement's lines (settlement.events.v1): a statement whose lines came with its issue
-- knows them all, so a dispute naming a line it does not have is refused.
alter table issued_statement add column lines_known boolean not null default false;
alter table statement_line add column line_number integer;
alter table statement_line add column label varchar(500);

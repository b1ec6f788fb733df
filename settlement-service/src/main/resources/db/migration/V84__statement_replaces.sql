-- A period's draft after a discard names the statement it replaces: the partner's statement of that period discarded
-- last (docs/settlement.md, "Discarding a draft"). The discarded one's replacedByStatementId is read from this column.
alter table statement add column replaces_statement_id uuid references statement (id);
create index statement_replaces_idx on statement (replaces_statement_id);
-- drafts made again before V84: each replaces the statement of its partner's period drafted before it (at most one of
-- a period is not discarded, so every earlier one was discarded before the next was drafted)
update statement s
set replaces_statement_id = earlier.previous_id
from (select id, lag(id) over (partition by partner_id, period_id order by created_at, id) as previous_id
      from statement) earlier
where s.id = earlier.id and earlier.previous_id is not null;

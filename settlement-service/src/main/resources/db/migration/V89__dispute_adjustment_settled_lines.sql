-- Every document line that carries a dispute adjustment (a split one: one per disputed statement line), as
-- DisputeAdjustmentSettled.lines names them, for GET /api/settlement/adjustments: settled_line_id only names the
-- first. Written with settled_line_id when a statement or note carries the adjustment, deleted when a discarded
-- statement releases it. For a converted statement line: its share in the adjustment's currency and the rate.
create table dispute_adjustment_settled_line (
    adjustment_id     varchar(200)   not null references dispute_adjustment (adjustment_id),
    line_number       int            not null,
    line_id           varchar(200)   not null,
    statement_line_id varchar(200),
    amount            numeric(24, 6) not null,
    currency          char(3)        not null,
    source_amount     numeric(24, 6),
    source_currency   char(3),
    fx_rate           numeric(24, 10),
    fx_rate_id        uuid,
    primary key (adjustment_id, line_number)
);

-- adjustments carried before: the statement's lines naming them, in order (one per share of a split one)
insert into dispute_adjustment_settled_line (adjustment_id, line_number, line_id, statement_line_id, amount, currency,
                                             source_amount, source_currency, fx_rate, fx_rate_id)
select carried.adjustment_id, carried.n, carried.statement_id || '-' || carried.line_no, share.statement_line_id,
       carried.rounded, carried.currency, carried.source_amount, carried.source_currency, carried.fx_rate,
       carried.fx_rate_id
from (select a.adjustment_id, l.statement_id, l.line_no, l.rounded, s.currency, l.source_amount, l.source_currency,
             l.fx_rate, l.fx_rate_id, row_number() over (partition by a.adjustment_id order by l.line_no) as n
      from dispute_adjustment a
               join statement s on s.id = a.statement_id
               join statement_line l on l.statement_id = a.statement_id and l.type = 'DISPUTE_ADJUSTMENT'
          and strpos(l.label, ' adjustment ' || a.adjustment_id || ' (') > 0) carried
         left join dispute_adjustment_line share
                   on share.adjustment_id = carried.adjustment_id and share.line_number = carried.n;

-- settled by a note of its own: its lines, signed from the partner's side; a split one's line corrects the disputed
-- statement line (or names it, when it is no line of that statement)
insert into dispute_adjustment_settled_line (adjustment_id, line_number, line_id, statement_line_id, amount, currency)
select a.adjustment_id, l.line_no, l.note_id || '-' || l.line_no,
       case
           when not exists (select 1 from dispute_adjustment_line s where s.adjustment_id = a.adjustment_id) then null
           when l.statement_line_number is not null then a.statement_reference || '-' || l.statement_line_number
           else substring(l.label from ' on statement line (\S+)$')
           end,
       case when a.direction = 'DEBIT_PARTNER' then -l.amount else l.amount end, n.currency
from dispute_adjustment a
         join correction_note n on n.id = a.note_id
         join correction_note_line l on l.note_id = a.note_id;

-- A statement's balance includes its issued notes (docs/settlement.md, "Payments"): what remains to be paid is
--   balance = total + issued credit notes' totals − issued debit notes' totals
--             − payments to the partner (PAYABLE) + payments by the partner (RECEIVABLE)
-- signed like the total (positive: we owe the partner). Payments are recorded in the balance's direction, which
-- issued notes can turn, so a payment now stores its own direction. The statement keeps what its issued notes add
-- (notes_amount, signed like the total) and its balance (balance_amount, what KPIs sum), both written with every
-- change by the application; paid_amount stays what was paid net in the statement's own direction.

alter table statement_payment add column direction varchar(16);
-- every payment so far went the statement's way
update statement_payment p
   set direction = case when s.total_amount < 0 then 'RECEIVABLE' else 'PAYABLE' end
  from statement s where s.id = p.statement_id;
alter table statement_payment
    alter column direction set not null,
    add constraint statement_payment_direction check (direction in ('PAYABLE', 'RECEIVABLE'));

alter table statement
    add column notes_amount   numeric(24, 6) not null default 0,
    add column balance_amount numeric(24, 6) not null default 0;

update statement s
   set notes_amount = coalesce((select sum(case when n.note_type = 'CREDIT_NOTE' then n.total_amount
                                                else -n.total_amount end)
                                  from correction_note n
                                 where n.statement_id = s.id and n.state = 'ISSUED'), 0),
       paid_amount = coalesce((select sum(case when p.direction = (case when s.total_amount < 0 then 'RECEIVABLE'
                                                                        else 'PAYABLE' end)
                                               then p.amount else -p.amount end)
                                 from statement_payment p where p.statement_id = s.id), 0);

update statement s
   set balance_amount = s.total_amount + s.notes_amount
                        - coalesce((select sum(case when p.direction = 'PAYABLE' then p.amount else -p.amount end)
                                      from statement_payment p where p.statement_id = s.id), 0);

-- An issued statement is PAID exactly when its balance is 0. A note issued before this change on a PAID statement
-- left something to pay (or an ISSUED statement's notes may have settled it): the state follows the balance, and
-- each change is in the statement's audit trail, saying why.
with reopened_or_settled as (
    update statement
       set state = case when balance_amount = 0 then 'PAID' else 'ISSUED' end
     where (state = 'PAID' and balance_amount <> 0) or (state = 'ISSUED' and balance_amount = 0)
    returning id, partner_id, state, total_amount, notes_amount, paid_amount, balance_amount
)
insert into audit_event (actor, partner_id, resource_type, resource_id, action, before_state, after_state)
select 'flyway:V68', f.partner_id, 'SettlementStatement', f.id::text,
       case when f.state = 'ISSUED' then 'reopened-by-note' else 'paid-by-note' end,
       jsonb_build_object('state', case when f.state = 'ISSUED' then 'PAID' else 'ISSUED' end,
                          'totalAmount', f.total_amount),
       jsonb_build_object('state', f.state, 'totalAmount', f.total_amount, 'notesAmount', f.notes_amount,
                          'paidAmount', f.paid_amount, 'balanceAmount', f.balance_amount,
                          'reason', 'V68: the balance includes the issued notes ('
                              || coalesce((select string_agg(n.document_number, ', ' order by n.issued_at, n.id)
                                             from correction_note n
                                            where n.statement_id = f.id and n.state = 'ISSUED'), 'none')
                              || ')')
  from reopened_or_settled f;

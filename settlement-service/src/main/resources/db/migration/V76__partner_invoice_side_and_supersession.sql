-- Partner invoice reconciliation (docs/settlement-reconciliation.md): an invoice line may state its side, and a later
-- invoice of the same partner and period supersedes the earlier one.

-- The supply a line is about as the partner stated it: REVENUE_SHARE (its supply to us) or WHOLESALE (ours to it);
-- null when not stated, then read from the amount's sign (positive: revenue share, negative: wholesale).
alter table partner_invoice_line add column side varchar(16);

-- SUBMITTED, or SUPERSEDED by a later invoice of the same partner and period (which is no longer reconciled).
alter table partner_invoice add column state varchar(16) not null default 'SUBMITTED';
alter table partner_invoice add column superseded_by uuid references partner_invoice (id);
alter table partner_invoice add column superseded_at timestamptz;

-- The side a compared key was on (null: the reconciliation's keys did not use SIDE, or it was made before V76).
alter table reconciliation_line add column side varchar(16);

-- Invoices submitted before: of a partner's period only the latest stays SUBMITTED, each earlier one superseded by
-- the next one submitted after it (as if the rule had held then).
with ordered as (
    select id, lead(id) over w as next_id, lead(submitted_at) over w as next_at
    from partner_invoice
    window w as (partition by partner_id, period_id order by submitted_at, id))
update partner_invoice invoice
set state = 'SUPERSEDED', superseded_by = ordered.next_id, superseded_at = ordered.next_at
from ordered
where ordered.id = invoice.id and ordered.next_id is not null;

-- the foreign key above leads an index (a deleted or re-keyed later invoice finds its earlier ones without a scan)
create index partner_invoice_superseded_by on partner_invoice (superseded_by);

-- What a statement's document is, stored with the statement (docs/settlement.md, "Documents"): it follows what the
-- statement is for (the supplies its lines document, else the business model of the period's agreement), no longer
-- the sign of its total, so a reseller's wholesale invoice whose credits exceed its charges stays a wholesale invoice
-- (with a credit balance) and is never a self-billing revenue-share statement.
alter table statement add column document_type varchar(32);

-- an issued statement keeps the type of the document it was issued as: documents are never re-rendered
update statement s set document_type = d.document_type
from settlement_document d
where d.document_id = s.id;

-- the others (drafts, approved or discarded statements) by the rule (statement.DocumentTypes)
update statement s set document_type = case
        when sides.revenue_share and sides.wholesale then 'SETTLEMENT_STATEMENT'
        when sides.revenue_share then 'REVENUE_SHARE_STATEMENT'
        when sides.wholesale then 'WHOLESALE_INVOICE'
        when coalesce((select a.business_model from settlement_period p
                       join agreement_view a on a.agreement_id = p.agreement_id where p.id = s.period_id),
                      (select l.business_model from partner_legal_view l where l.partner_id = s.partner_id))
             = 'RESELL' then 'WHOLESALE_INVOICE'
        else 'REVENUE_SHARE_STATEMENT' end
from (select st.id,
             bool_or(l.type in ('USAGE_REVENUE_SHARE', 'RECURRING_SHARE', 'ONE_TIME_SHARE', 'VOLUME_TIER_BONUS',
                                'MINIMUM_GUARANTEE_TOP_UP')
                     or (l.type = 'PRIOR_PERIOD_ADJUSTMENT'
                         and coalesce(l.direction = 'PAYABLE_TO_PARTNER', l.rounded >= 0))) as revenue_share,
             bool_or(l.type in ('WHOLESALE', 'RECURRING_WHOLESALE', 'ONE_TIME_WHOLESALE', 'MINIMUM_COMMITMENT')
                     or (l.type = 'PRIOR_PERIOD_ADJUSTMENT'
                         and coalesce(l.direction <> 'PAYABLE_TO_PARTNER', l.rounded < 0))) as wholesale
      from statement st left join statement_line l on l.statement_id = st.id
      group by st.id) sides
where sides.id = s.id and s.document_type is null;

alter table statement
    alter column document_type set not null,
    add constraint statement_document_type
        check (document_type in ('REVENUE_SHARE_STATEMENT', 'WHOLESALE_INVOICE', 'SETTLEMENT_STATEMENT'));

-- Late usage by the period it belongs to (docs/settlement.md, "Minimum guarantee"): usage_sum keeps a prior-period
-- flag only, so a statement could not tell the late usage of an earlier part of its own calendar month (a month split
-- by an early close) from that of an earlier month, and the month's minimum commitment (or guarantee top-up) did not
-- count it. Summed with usage_sum, in the same transaction, for every partner amount placed as a prior-period
-- adjustment whose own period is known. Usage summed before V71 is not in it (its own period is not known).
create table usage_prior_sum (
    period_id        uuid           not null,
    usage_period_id  uuid           not null,
    partner_id       uuid           not null,
    direction        varchar(32)    not null,
    currency         char(3)        not null,
    amount           numeric(24, 6) not null,
    record_count     bigint         not null,
    updated_at       timestamptz    not null,
    primary key (period_id, usage_period_id, partner_id, direction, currency)
);

-- Usage lines say what they count and at what price (docs/settlement.md, "Statement lines"): the billed unit, the
-- rated records behind the line and, where every record was charged at one unit price, that price.

-- The range of unit prices (charge ÷ billed quantity, widened by the charge's 6-decimal rounding) every record added
-- to the row agrees with; price_mixed when no one price does (tiers, a minimum charge, price versions of different
-- rates, volume re-rating) or, for rows summed before V78, when it is not known. Both bounds null and not mixed: only
-- records billed zero were added (they tell no price).
alter table usage_sum
    add column price_low   numeric,
    add column price_high  numeric,
    add column price_mixed boolean not null default true;
alter table usage_sum alter column price_mixed set default false;

-- What a usage line of a statement shows beside its quantity: its unit (a UnitOfMeasure code, null when not known),
-- its net record count (a reversal counts -1) and the unit price of its records (null when they had none in common).
alter table statement_line
    add column billed_unit  varchar(32),
    add column record_count bigint,
    add column unit_price   numeric;

-- Usage lines drafted before V78: their unit and record count are those of the one usage sum of their period that
-- made them (same offering, usage type, direction and prior-period flag, the same amount), when exactly one does (the
-- sums of a period may have changed since its statement was discarded: then it stays unknown). Their price is not
-- known (no sum kept a price range).
update statement_line l
set billed_unit = m.billed_unit, record_count = m.record_count
from (
    select l2.statement_id, l2.line_no, min(u.billed_unit) as billed_unit, min(u.record_count) as record_count,
           count(*) as matches
    from statement_line l2
    join statement st on st.id = l2.statement_id
    join usage_sum u on u.period_id = st.period_id and u.partner_id = st.partner_id
                    and u.offering_id = l2.offering_id and u.usage_type = l2.usage_type
                    and u.direction = l2.direction
                    and u.prior_period = (l2.type = 'PRIOR_PERIOD_ADJUSTMENT')
                    and u.amount = case when l2.direction = 'OWED_BY_PARTNER'
                                        then -coalesce(l2.source_amount, l2.unrounded)
                                        else coalesce(l2.source_amount, l2.unrounded) end
                    and u.currency = coalesce(l2.source_currency, st.currency)
    where l2.type in ('USAGE_REVENUE_SHARE', 'WHOLESALE', 'PRIOR_PERIOD_ADJUSTMENT')
    group by l2.statement_id, l2.line_no
) m
where l.statement_id = m.statement_id and l.line_no = m.line_no and m.matches = 1;

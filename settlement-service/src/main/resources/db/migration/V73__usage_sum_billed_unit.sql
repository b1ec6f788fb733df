-- The volume-tier bonus per billed unit (docs/settlement.md, "Volume-tier bonus"): the rated record's billed unit
-- (UsageRated.billedUnit, the price's unit: MB, GB, MIN, S, ...) becomes part of a usage sum's key, so one usage type
-- priced in MB by one offering (or price version) and in GB by another is summed in two rows and a tier volume can
-- convert them into one unit. Null: the unit is not known (rows summed before V73, whose records are not kept
-- anywhere in settlement, or a record that named none); such a row's quantity is never added to a known unit's.
alter table usage_sum add column billed_unit varchar(32);
alter table usage_sum drop constraint usage_sum_pkey;
-- a unique index, not a primary key: the unit may be null, and a null unit is one key like any other
create unique index usage_sum_key on usage_sum (period_id, partner_id, offering_id, usage_type, direction, currency,
                                               prior_period, billed_unit) nulls not distinct;

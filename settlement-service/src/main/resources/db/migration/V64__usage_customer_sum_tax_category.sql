-- Billing on behalf per tax category (issue 11): the rated record's taxCategory (the catalog price's, carried by
-- usage.rated.v1 since rating's V81) becomes part of the key of the per-customer sums, so the billing-on-behalf data
-- groups what we billed end customers in the partner's name per tax category. '' when the record carried none
-- (published before rating kept it, or a price naming none); the rows summed so far are such.
alter table usage_customer_sum add column tax_category varchar(64) not null default '';
alter table usage_customer_sum drop constraint usage_customer_sum_pkey;
alter table usage_customer_sum add primary key (period_id, customer_reference, offering_id, usage_type, currency,
                                                prior_period, partner_id, tax_category);

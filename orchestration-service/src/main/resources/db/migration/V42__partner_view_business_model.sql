-- The starter's PartnerView keeps how we go to market with each partner (RESELL, SELL_THROUGH, CO_CREATE), from its
-- PartnerActivated event, so that a quote or order of a CSP offering by a partner that does not resell is refused
-- (rating could never rate its usage). Partners activated before stay null (unknown) and are not refused.
alter table partner_view add column business_model varchar(20);

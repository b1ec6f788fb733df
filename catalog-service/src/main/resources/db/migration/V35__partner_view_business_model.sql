-- The starter's PartnerView keeps how we go to market with each partner (RESELL, SELL_THROUGH, CO_CREATE), from its
-- PartnerActivated event. Partners activated before stay null (unknown) until their next activation event.
alter table partner_view add column business_model varchar(20);

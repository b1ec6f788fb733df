-- The tax id changes on its own (PartnerTaxIdChanged) after the legal data came with PartnerActivated: it keeps the
-- partner sequence (ce_sequence) of the event it came from, so neither event overwrites a newer tax id. Until now it
-- came with the legal data only.
alter table partner_legal_view add column tax_sequence bigint;
update partner_legal_view set tax_sequence = legal_sequence where tax_id is not null;

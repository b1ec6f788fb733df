-- A partner in a country that issues no IBANs (the US, Canada, ...) has a domestic account: its number and the
-- bank code (US: the ABA routing number), with iban null. PartnerActivated.bankAccount and
-- PartnerBankAccountConfirmed carry them since this version; rows held so far are IBAN accounts or none.
alter table partner_legal_view add column account_number text;
alter table partner_legal_view add column bank_code text;

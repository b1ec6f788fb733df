-- The full partner profile (from its application): identity, address, contacts, bank account.
alter table partner
    add column trading_name          varchar(200),
    add column tax_id                varchar(40),
    add column street1               varchar(200),
    add column street2               varchar(200),
    add column city                  varchar(100),
    add column post_code             varchar(20),
    add column commercial_name       varchar(200),
    add column commercial_email      varchar(254),
    add column commercial_phone      varchar(40),
    add column technical_name        varchar(200),
    add column technical_email       varchar(254),
    add column technical_phone       varchar(40),
    add column billing_name          varchar(200),
    add column billing_email         varchar(254),
    add column billing_phone         varchar(40),
    add column iban                  varchar(34),
    add column bic                   varchar(11),
    add column bank_confirmed_at     timestamptz,
    add column pending_iban          varchar(34),
    add column pending_bic           varchar(11),
    add column pending_bank_since    timestamptz,
    add column application_id        uuid;

create unique index partner_by_application on partner (application_id) where application_id is not null;
create index partner_tax_id on partner (tax_id);

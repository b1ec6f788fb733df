-- Duplicate detection compares normalised legal names (case, accents, legal-form suffixes ignored).
alter table partner add column normalised_name varchar(200);
create index partner_normalised_name on partner (normalised_name, country);

-- A partner created with the normalised name and country, or the tax id, of an existing one names those partners
-- (comma-separated ids) until staff merge or dismiss it; only flagged rows are indexed.
alter table partner add column possible_duplicate_of text;
create index partner_possible_duplicate on partner (created_at, id) where possible_duplicate_of is not null;

-- Four-eyes on quote discounts: who last set the items and discount (the creator until a change), and who approved
-- the quote (decided_by is overwritten by the acceptance).
alter table quote
    add column priced_by   varchar(200),
    add column approved_by varchar(200);

update quote set priced_by = created_by;
update quote set approved_by = decided_by where state = 'APPROVED';

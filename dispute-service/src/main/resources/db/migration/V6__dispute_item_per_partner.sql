-- An item's id is unique per partner, not across partners: invoice-line and usage-record ids are the partner's own
-- text, so partner B's open dispute on its "INV-1-1" blocked partner A's dispute on A's own "INV-1-1" (a 409 naming
-- nothing). The open-item index is now per partner. The old index was stricter, so existing rows satisfy the new one.
alter table dispute_item add column partner_id uuid;
update dispute_item item set partner_id = dispute.partner_id from dispute where dispute.id = item.dispute_id;
alter table dispute_item alter column partner_id set not null;
drop index dispute_item_one_open;
create unique index dispute_item_one_open on dispute_item (partner_id, role, ref_id) where open and role <> 'Statement';

-- TMF637 lists filtered by related party (?relatedParty.id=): a subscriber's products are found through the customer
-- id (and the sales channel), as the owner, the buyer and the participants already are (V30), instead of by reading
-- every product instance. The repository names only the conditions a request gives, so each can use its index.
create index product_instance_customer on product_instance (customer_id, created_at, id);
create index product_instance_channel on product_instance (sales_channel, created_at, id) where sales_channel is not null;

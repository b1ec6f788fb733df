-- TMF622 lists filtered by related party (?relatedParty.id=): the customer and the sales channel have an index each,
-- as the buyer partner and the state already have (V35), so that a customer's orders are found without reading
-- every order. The repository names only the conditions a request gives, so each can use its index.
create index product_order_customer on product_order (customer_id, created_at, id);
create index product_order_channel on product_order (sales_channel, created_at, id) where sales_channel is not null;

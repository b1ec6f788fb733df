-- TMF622 requestedStartDate, kept as the client gave it: an order is fulfilled at once, so it is never after the
-- order (a later one is refused with 400); null when not given.
alter table product_order add column requested_start_date timestamptz;
-- the new column takes the busy table's small statistics target too (V40)
select platform_sample_statistics('product_order');
-- GET /quote?relatedParty.id= matches the customer, the sales channel or the buyer partner (quote_buyer serves that).
create index quote_customer on quote (customer_id, created_at, id);
create index quote_channel on quote (sales_channel, created_at, id) where sales_channel is not null;

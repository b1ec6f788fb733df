-- A customer's (or sales channel's, or buyer partner's) orders in some states, oldest first, as
-- `GET /productOrder?relatedParty.id=<customer>&state=acknowledged&state=inProgress&limit=1` asks. With the party's
-- own index (V36) the planner walked the creation index instead and filtered every order older than the first match
-- (126 ms at 40,000 orders, growing with the table): open orders are the newest. The repository now asks one branch
-- per party column and state, each an ordered scan of one of these indexes, and merges them.
create index product_order_customer_state on product_order (customer_id, state, created_at, id);
create index product_order_channel_state on product_order (sales_channel, state, created_at, id)
    where sales_channel is not null;
create index product_order_buyer_state on product_order (buyer_partner_id, state, created_at, id);

-- A new order is refused while an order of the same buyer with its externalId is not cancelled or failed
-- (OrderService, under an advisory lock). Not a unique index: orders placed twice before this check would make it
-- fail. This index serves the check's look-up.
create index product_order_external_id on product_order (external_id, buyer_partner_id)
    where external_id is not null and state not in ('CANCELLED', 'FAILED');

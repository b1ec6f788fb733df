-- The partners' product instances with their locked one-time and recurring charges, from order.events.v1.
-- Product events carry the whole instance: the newest (ce_sequence per product) replaces what is held; an order's
-- completion only adds instances not yet known (it carries no product sequence).
create table product_view (
    product_id         varchar(64) primary key,
    order_id           varchar(64),
    offering_id        varchar(64),
    offering_name      varchar(300),
    category_code      varchar(64),
    owner_partner_id   uuid,
    buyer_partner_id   uuid,
    customer_id        varchar(200),
    status             varchar(16) not null,
    start_at           timestamptz,
    end_at             timestamptz,
    charges            jsonb       not null,
    sequence           bigint,
    updated_at         timestamptz not null
);
create index product_view_owner on product_view (owner_partner_id);
create index product_view_buyer on product_view (buyer_partner_id);

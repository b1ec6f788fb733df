-- Ends of products that reach settlement after a period they affect was closed (issue 11, "Late product events").
-- product_end_change: every end settlement held for a product, with when it learnt of it (received_at, the
-- service's clock when the event was applied; null end_at = runs with no end). A row is added when a product is first
-- stored and whenever an event changes its end. Products held before this migration get one row with the end they
-- hold, as known since they were received (or always, for products stored before V62): end changes that arrived
-- before this migration are not adjusted.
create table product_end_change (
    id          bigserial    primary key,
    product_id  varchar(200) not null,
    end_at      timestamptz,
    received_at timestamptz  not null
);
create index product_end_change_product on product_end_change (product_id, received_at);
insert into product_end_change (product_id, end_at, received_at)
select product_id, end_at, coalesce(received_at, '-infinity'::timestamptz) from product_view;

-- What a drafted statement adjusted for a product's changed end: the closed periods' recurring charges (and a
-- reseller's per-resource fees) brought from charged_end_at to end_at. Written in the drafting transaction, once per
-- product, partner and statement; the next statement starts from what this one knew, so an end is adjusted once.
create table product_end_charge (
    product_id     varchar(200)   not null,
    partner_id     uuid           not null,
    statement_id   uuid           not null,
    charged_end_at timestamptz,
    end_at         timestamptz,
    charged_at     timestamptz    not null,
    primary key (product_id, partner_id, statement_id)
);

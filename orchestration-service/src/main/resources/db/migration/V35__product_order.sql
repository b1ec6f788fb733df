-- TMF622 product orders. Items are kept with the order (jsonb): action, offering, product instance(s), the
-- characteristic values and the one-time/recurring charges locked at order time, the item's state and the saga
-- fulfilling it (one saga per item, reference 'productOrder/<orderId>/<itemId>').
create table product_order (
    id                        uuid          primary key,
    state                     varchar(30)   not null
        check (state in ('ACKNOWLEDGED', 'IN_PROGRESS', 'PENDING_CANCELLATION', 'COMPLETED', 'FAILED', 'PARTIAL',
                         'CANCELLED')),
    buyer_partner_id          uuid,
    sales_channel             varchar(100),
    customer_id               varchar(200)  not null,
    customer_name             varchar(200),
    quote_id                  uuid          unique,
    description               varchar(2000),
    external_id               varchar(100),
    requested_completion_date timestamptz,
    notes                     jsonb         not null,
    items                     jsonb         not null,
    state_reason              varchar(2000),
    cancellation_reason       varchar(2000),
    order_date                timestamptz   not null,
    completion_date           timestamptz,
    state_changed_at          timestamptz   not null,
    created_by                varchar(200)  not null,
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null,
    version                   bigint        not null,
    check ((buyer_partner_id is null) <> (sales_channel is null))
);
create index product_order_buyer on product_order (buyer_partner_id, created_at);
create index product_order_created on product_order (created_at, id);
create index product_order_state on product_order (state, created_at);

-- TMF622 cancelProductOrder requests: accepted ones (the order's sagas are being compensated) and their outcome.
create table cancel_product_order (
    id                  uuid          primary key,
    order_id            uuid          not null references product_order (id),
    buyer_partner_id    uuid,
    state               varchar(20)   not null check (state in ('IN_PROGRESS', 'DONE')),
    cancellation_reason varchar(2000) not null,
    requested_by        varchar(200)  not null,
    creation_date       timestamptz   not null,
    effective_date      timestamptz
);
create index cancel_product_order_order on cancel_product_order (order_id);
create index cancel_product_order_created on cancel_product_order (creation_date, id);

-- the order saga's reserve step looks its reservation up by its own reference before reserving (idempotent retries)
create index inventory_item_order_ref on inventory_item (order_ref) where order_ref is not null;

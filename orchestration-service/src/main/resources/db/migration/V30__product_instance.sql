-- TMF637 product instances: what a subscriber has from an order item, from when, at which locked prices. The
-- offering's data (owner, category, version, participants, usage price ids) is copied at order time, so later
-- catalog changes do not alter an instance. Lists and maps are kept as jsonb in the shape the events carry.
create table product_instance (
    id                uuid          primary key,
    order_id          varchar(100)  not null,
    order_item_id     varchar(100)  not null,
    offering_id       varchar(64)   not null,
    offering_version  integer       not null,
    offering_name     varchar(200)  not null,
    owner_partner_id  uuid,
    category_code     varchar(100),
    bundle_product_id uuid,
    buyer_partner_id  uuid,
    sales_channel     varchar(100),
    customer_id       varchar(200)  not null,
    identifiers       jsonb         not null,
    resources         jsonb         not null,
    characteristics   jsonb         not null,
    participants      jsonb         not null,
    usage_price_ids   jsonb         not null,
    charges           jsonb         not null,
    state             varchar(20)   not null
        check (state in ('CREATED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'CANCELLED')),
    state_reason      varchar(2000),
    start_at          timestamptz,
    end_at            timestamptz,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null,
    check ((buyer_partner_id is null) <> (sales_channel is null))
);
create index product_instance_created on product_instance (created_at, id);
create index product_instance_owner on product_instance (owner_partner_id, created_at);
create index product_instance_buyer on product_instance (buyer_partner_id, created_at);
create index product_instance_offering on product_instance (offering_id);
create index product_instance_order on product_instance (order_id, order_item_id);
create index product_instance_bundle on product_instance (bundle_product_id) where bundle_product_id is not null;
-- co-creation participants see the instances of the offerings they take part in: participants @> '[{"partnerId":..}]'
create index product_instance_participants on product_instance using gin (participants jsonb_path_ops);

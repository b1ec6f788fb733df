-- Inventory pools and their items (ICCIDs, MSISDNs, IMSIs, licence keys). Items move
-- AVAILABLE -> RESERVED -> ALLOCATED -> QUARANTINED -> AVAILABLE; see docs/inventory.md.
create table inventory_pool (
    id                  uuid primary key,
    name                varchar(200) not null,
    resource_type       varchar(40)  not null,
    partner_id          uuid,
    low_watermark       integer      not null check (low_watermark >= 0),
    -- true while the pool is above its watermark: the next crossing raises InventoryLowWatermarkReached
    low_watermark_armed boolean      not null,
    created_at          timestamptz  not null,
    version             bigint       not null
);

create index inventory_pool_type on inventory_pool (resource_type, partner_id);

create table inventory_item (
    id                   uuid primary key,
    pool_id              uuid         not null references inventory_pool (id),
    resource_type        varchar(40)  not null,
    value                varchar(64)  not null,
    state                varchar(20)  not null,
    reservation_id       uuid,
    order_ref            varchar(100),
    reserved_until       timestamptz,
    product_instance_ref varchar(100),
    quarantined_until    timestamptz,
    updated_at           timestamptz  not null,
    version              bigint       not null,
    -- one resource (an MSISDN, an ICCID...) is in at most one pool
    constraint inventory_item_value unique (resource_type, value)
);

-- reservation picks the next AVAILABLE item of a pool in value order (FOR UPDATE SKIP LOCKED)
create index inventory_item_pick on inventory_item (pool_id, state, value);
create unique index inventory_item_reservation on inventory_item (reservation_id) where reservation_id is not null;
create index inventory_item_reserved_until on inventory_item (reserved_until) where state = 'RESERVED';
create index inventory_item_quarantined_until on inventory_item (quarantined_until) where state = 'QUARANTINED';

-- every state change of an item: who or what moved it, why, with which order or product reference
create table inventory_item_history (
    id          bigserial primary key,
    item_id     uuid         not null references inventory_item (id),
    from_state  varchar(20)  not null,
    to_state    varchar(20)  not null,
    action      varchar(30)  not null,
    reference   varchar(200),
    actor       varchar(200) not null,
    occurred_at timestamptz  not null
);

create index inventory_item_history_item on inventory_item_history (item_id, id);

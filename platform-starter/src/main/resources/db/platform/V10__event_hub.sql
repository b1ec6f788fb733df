-- TMF event hub: callbacks registered with POST <api>/hub, the events they are due, and one delivery row per
-- (subscription, event) with its own attempts. Written in the business transaction of the change (TmfEvent),
-- delivered after commit by the hub relay (HubRelay).
create table hub_subscription (
    id                   uuid primary key,
    api                  varchar(200)  not null,  -- the TMF API base path it was registered under
    partner_id           uuid,                    -- null: a staff subscription, which receives every event
    callback             varchar(2000) not null,
    query                varchar(1000),
    event_types          text[],                  -- from query's eventType=; null: every event type
    secret               varchar(200)  not null,  -- HMAC key of the signature header; shown once on creation
    status               varchar(16)   not null check (status in ('active', 'disabled')),
    consecutive_failures integer       not null default 0,
    last_error           text,
    last_error_at        timestamptz,
    last_delivered_at    timestamptz,
    next_attempt_at      timestamptz,             -- backoff after a failure: nothing is sent before
    disabled_at          timestamptz,
    claimed_until        timestamptz,             -- a relay's lease: no other relay delivers meanwhile
    claimed_by           uuid,
    created_by           varchar(200)  not null,
    created_at           timestamptz   not null
);

create index hub_subscription_by_api on hub_subscription (api, status);
create index hub_subscription_by_partner on hub_subscription (partner_id, created_at);

-- The notification as delivered (the TMF envelope), once per event whatever the number of subscribers.
create table hub_event (
    id          uuid primary key,
    event_type  varchar(200) not null,
    payload     text         not null,  -- the JSON body exactly as signed and sent
    created_at  timestamptz  not null
);

create table hub_delivery (
    id              uuid primary key,
    seq             bigint generated always as identity,  -- per subscription, deliveries go out in this order
    subscription_id uuid        not null references hub_subscription (id) on delete cascade,
    event_id        uuid        not null references hub_event (id),
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    last_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    dead_at         timestamptz   -- gave up after max-attempts; later deliveries of the subscription go on
);

create index hub_delivery_pending on hub_delivery (subscription_id, seq)
    where delivered_at is null and dead_at is null;
create index hub_delivery_finished on hub_delivery (coalesce(delivered_at, dead_at))
    where delivered_at is not null or dead_at is not null;
create index hub_delivery_event on hub_delivery (event_id);

-- Transactional outbox: written in the business transaction, published by the relay.
create table outbox_event (
    id              uuid primary key,
    topic           varchar(200) not null,
    message_key     varchar(200) not null,
    event_type      varchar(200) not null,
    subject         varchar(200),
    payload         text         not null,  -- the JSON exactly as published
    correlation_id  varchar(64),
    occurred_at     timestamptz  not null,
    created_at      timestamptz  not null default clock_timestamp(),
    sent_at         timestamptz,
    attempts        integer      not null default 0,
    last_error      text
);

create index outbox_event_pending on outbox_event (created_at, id) where sent_at is null;

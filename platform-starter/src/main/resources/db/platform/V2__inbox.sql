-- Idempotent inbox: an event id recorded per consumer in the same transaction as its effect.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    topic        varchar(200) not null,
    processed_at timestamptz  not null default clock_timestamp(),
    primary key (consumer, event_id)
);

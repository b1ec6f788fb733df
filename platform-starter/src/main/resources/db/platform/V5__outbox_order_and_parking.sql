-- Per-aggregate order and poison rows (issue 6).
-- sequence: per message_key, assigned by Outbox.publish in the business transaction from outbox_sequence, so it
-- follows the commit order of the aggregate's changes; published as the CloudEvents extension ce_sequence.
create table outbox_sequence (
    message_key varchar(200) primary key,
    last_seq    bigint       not null
);

alter table outbox_event
    add column sequence        bigint,
    add column failures        integer not null default 0,  -- failures that were the row's own (not a broker outage)
    add column last_attempt_at timestamptz,
    add column next_attempt_at timestamptz,                 -- per-row backoff after a failure
    add column parked_at       timestamptz;                 -- set after max-attempts failures; ops retry or discard

update outbox_event o set sequence = numbered.seq
from (select id, row_number() over (partition by message_key order by created_at, id) as seq
      from outbox_event) numbered
where o.id = numbered.id;

insert into outbox_sequence (message_key, last_seq)
select message_key, max(sequence) from outbox_event group by message_key;

alter table outbox_event alter column sequence set not null;

-- the relay's "is an earlier row of this key still waiting?" look-up
create index outbox_event_pending_key on outbox_event (message_key, sequence) where sent_at is null;
create index outbox_event_parked on outbox_event (parked_at) where parked_at is not null;

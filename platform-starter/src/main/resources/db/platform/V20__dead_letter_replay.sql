-- Dead letters could be seen (<topic>.DLT, the ERROR log line, ./accord events) but not sent back once their cause
-- was fixed. Ops now replay them through GET/POST /api/<service>/admin/dead-letters (DeadLetterReplay in
-- io.accord.platform.inbox): the record is republished to its original topic, and its place on the DLT is remembered
-- here, in the transaction that audits the replay, so a dead letter is replayed once whoever asks again (another
-- replica, "replay all" after a single replay). The consumers' inbox skips an event id it has already applied, so a
-- republish whose commit here failed still takes effect once.
create table dead_letter_replay (
    dead_letter_topic     text        not null,
    dead_letter_partition integer     not null,
    dead_letter_offset    bigint      not null,
    original_topic        text        not null,
    event_id              text        not null,
    -- where it went: claimed (the row inserted) before it is sent, filled in once the broker has it, one transaction
    replayed_to_partition integer,
    replayed_to_offset    bigint,
    replayed_at           timestamptz not null,
    replayed_by           text        not null,
    primary key (dead_letter_topic, dead_letter_partition, dead_letter_offset)
);

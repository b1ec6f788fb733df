-- The hash chain moves out of audit_event into an insert-only table of links; audit_event is append-only again,
-- without exception. See docs/adr/0007-audit-chain-links.md.
--
-- Before (V11) the sealer filled three null columns of each entry with an UPDATE: a second, non-HOT version of
-- every audit row (five index entries, the whole row in the WAL, a row trigger that recomputed the digest and
-- compared the whole row with its old version). In `./accord bench orders` that update was a third of
-- orchestration's PostgreSQL time per order. Now the sealer inserts one narrow row per entry into
-- audit_chain_link (position, previous hash, entry hash: the same canonical digest as V8, so every existing hash
-- stays valid) and takes the entry off a small queue (audit_unsealed) that an insert trigger fills.

create table audit_chain_link (
    event_id      bigint      primary key,
    chain_seq     bigint      not null unique,
    previous_hash varchar(64) not null,
    entry_hash    varchar(64) not null
);

-- the entries committed but not sealed yet; filled by the insert trigger below, emptied by audit_seal
create table audit_unsealed (
    event_id bigint primary key
);

-- the links V8 and V11 wrote, unchanged; entries still unsealed go on the queue
insert into audit_chain_link (event_id, chain_seq, previous_hash, entry_hash)
select id, chain_seq, previous_hash, entry_hash from audit_event where chain_seq is not null
order by chain_seq;
insert into audit_unsealed (event_id)
select id from audit_event where chain_seq is null and previous_hash is null and entry_hash is null;

drop function audit_seal(int);
drop trigger audit_event_unsealed_on_insert on audit_event;
drop function audit_event_unsealed_insert();
drop trigger audit_event_no_update_or_delete on audit_event;
drop trigger audit_event_no_update_or_delete_statement on audit_event;
drop function audit_event_append_only_row();
drop function audit_event_digest(audit_event);
drop index audit_event_unsealed;
drop index audit_event_chain;
alter table audit_event drop column chain_seq, drop column previous_hash, drop column entry_hash;

-- append-only without exception, as V3 made it (TRUNCATE: V7's trigger, unchanged)
create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each statement execute function audit_event_append_only();

-- no back-dating: occurred_at is the database's clock at the insert, whatever the statement says
create function audit_event_stamp() returns trigger language plpgsql as $$
begin
    new.occurred_at := clock_timestamp();
    return new;
end;
$$;

create trigger audit_event_stamped_on_insert
    before insert on audit_event
    for each row execute function audit_event_stamp();

-- every inserted entry is queued for sealing in its own transaction: one statement per insert statement, however
-- many rows it inserts; security definer, so the runtime role needs no right on the queue
create function audit_event_queue_for_sealing() returns trigger
        language plpgsql security definer set search_path from current as $$
begin
    insert into audit_unsealed (event_id) select id from inserted;
    return null;
end;
$$;

create trigger audit_event_queued_for_sealing
    after insert on audit_event
    referencing new table as inserted
    for each statement execute function audit_event_queue_for_sealing();

-- links are written once, by audit_seal, and never changed or removed
create function audit_chain_link_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_chain_link is append-only';
end;
$$;

create trigger audit_chain_link_no_update_or_delete
    before update or delete or truncate on audit_chain_link
    for each statement execute function audit_chain_link_append_only();

-- The canonical form of V8, unchanged: the position and the previous hash are now the link's, not the entry's.
create function audit_event_digest(entry audit_event, seq bigint, previous varchar) returns varchar(64)
        language sql stable as $$
    select encode(sha256(convert_to('accord-audit-v1;'
        || audit_chain_field(seq::text)
        || audit_chain_field(entry.id::text)
        || audit_chain_field(to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_chain_field(entry.actor)
        || audit_chain_field(entry.actor_id)
        || audit_chain_field(entry.partner_id::text)
        || audit_chain_field(entry.resource_type)
        || audit_chain_field(entry.resource_id)
        || audit_chain_field(entry.action)
        || audit_chain_field(entry.before_state::text)
        || audit_chain_field(entry.after_state::text)
        || audit_chain_field(entry.correlation_id)
        || audit_chain_field(previous), 'UTF8')), 'hex')
$$;

-- security definer: runs as the owner, so the runtime role can seal (and only seal) without any write right on
-- the chain head, the links or the queue. Takes the head's lock (concurrent sealers queue there and, in READ
-- COMMITTED, each sees what the one before it committed), links the queued entries in id order from the head on,
-- takes them off the queue and advances the head. Returns how many entries it sealed (at most max_entries).
create function audit_seal(max_entries int default 1000) returns int
        language plpgsql security definer set search_path from current as $$
declare
    head audit_chain_head%rowtype;
    entry audit_event;
    queued bigint[];
    linked bigint[] := '{}';
    positions bigint[] := '{}';
    previous varchar(64)[] := '{}';
    hashes varchar(64)[] := '{}';
    hash varchar(64);
begin
    if max_entries is null or max_entries < 1 then
        raise exception 'audit_seal: max_entries must be at least 1';
    end if;
    -- nothing to seal: no lock taken and nothing written, so an idle sealer's transaction needs no WAL flush
    if not exists (select 1 from audit_unsealed) then
        return 0;
    end if;
    select * into head from audit_chain_head where id = 1 for update;
    select array_agg(event_id order by event_id) into queued
    from (select event_id from audit_unsealed order by event_id limit max_entries) batch;
    if queued is null then
        return 0;
    end if;
    for entry in select * from audit_event where id = any(queued) order by id loop
        hash := audit_event_digest(entry, head.last_seq + 1, head.last_hash);
        linked := linked || entry.id;
        positions := positions || (head.last_seq + 1);
        previous := previous || head.last_hash;
        hashes := hashes || hash;
        head.last_seq := head.last_seq + 1;
        head.last_hash := hash;
    end loop;
    insert into audit_chain_link (event_id, chain_seq, previous_hash, entry_hash)
    select * from unnest(linked, positions, previous, hashes);
    -- a queued id without its entry (removed behind the triggers' back) leaves the queue too: nothing to seal
    delete from audit_unsealed where event_id = any(queued);
    if cardinality(linked) > 0 then
        update audit_chain_head set last_seq = head.last_seq, last_hash = head.last_hash where id = 1;
    end if;
    return cardinality(linked);
end;
$$;

-- Tamper evidence: the audit trail is a hash chain. Each entry holds its position in the chain, the hash of the
-- entry before it (64 zeros for the first) and the SHA-256 of its own canonical form, which covers every field
-- and the previous hash. A trigger computes all three on insert while it holds the chain head's row lock, so
-- appends from any number of threads and replicas form one chain in commit order (in READ COMMITTED, PostgreSQL's
-- default: SELECT ... FOR UPDATE then sees the head the previous append committed; under REPEATABLE READ a
-- concurrent append fails with a serialization error instead of forking the chain).
--
-- The canonical form, which the application recomputes independently to verify the chain (AuditChain.java):
--   'accord-audit-v1;' then, for each field in this order, '~;' when null, else <length in characters> ':' <text> ';'
--   chain_seq, id, occurred_at (UTC, microseconds: 2026-12-01T10:15:30.123456Z), actor, actor_id, partner_id,
--   resource_type, resource_id, action, before_state, after_state (jsonb's own text form, which normalises key
--   order and whitespace), correlation_id, previous_hash
-- hashed as UTF-8 and written as lower-case hex.
alter table audit_event
    add column chain_seq     bigint,
    add column previous_hash varchar(64),
    add column entry_hash    varchar(64);

create unique index audit_event_chain on audit_event (chain_seq);

-- one row: the newest entry's position and hash; the runtime role may only read it (for verification)
create table audit_chain_head (
    id        int         primary key check (id = 1),
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);

create function audit_chain_field(value text) returns text language sql immutable as $$
    select case when value is null then '~;' else char_length(value) || ':' || value || ';' end
$$;

create function audit_event_digest(entry audit_event) returns varchar(64) language sql stable as $$
    select encode(sha256(convert_to('accord-audit-v1;'
        || audit_chain_field(entry.chain_seq::text)
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
        || audit_chain_field(entry.previous_hash), 'UTF8')), 'hex')
$$;

-- security definer: the application's role may insert audit rows but may not touch the chain head itself
create function audit_event_chain() returns trigger language plpgsql security definer set search_path from current as $$
declare
    head audit_chain_head%rowtype;
begin
    select * into head from audit_chain_head where id = 1 for update;
    new.chain_seq := head.last_seq + 1;
    new.previous_hash := head.last_hash;
    new.entry_hash := audit_event_digest(new);
    update audit_chain_head set last_seq = new.chain_seq, last_hash = new.entry_hash where id = 1;
    return new;
end;
$$;

-- entries written before the chain existed are chained in id order
alter table audit_event disable trigger audit_event_no_update_or_delete;
do $$
declare
    entry record;
    position bigint := 0;
    previous varchar(64) := repeat('0', 64);
begin
    for entry in select id from audit_event order by id loop
        position := position + 1;
        update audit_event set chain_seq = position, previous_hash = previous where id = entry.id;
        update audit_event e set entry_hash = audit_event_digest(e) where id = entry.id
            returning e.entry_hash into previous;
    end loop;
    insert into audit_chain_head (id, last_seq, last_hash) values (1, position, previous);
end;
$$;
alter table audit_event enable trigger audit_event_no_update_or_delete;

create trigger audit_event_hash_chain
    before insert on audit_event
    for each row execute function audit_event_chain();

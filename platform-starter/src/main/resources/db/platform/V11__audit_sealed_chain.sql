-- The audit hash chain is sealed after the commit instead of being built inside each audited transaction.
--
-- Before (V8) the insert trigger locked the one chain head row until the transaction ended, so every audited
-- transaction of a service committed one after the other (each through its own WAL flush): a ceiling of a few
-- hundred audited commits per second at best, single digits under load. Now an entry is inserted with its three
-- chain columns null (unsealed) and takes no shared lock. audit_seal(max_entries) then takes the head row's lock,
-- chains the committed unsealed entries in id order (chain_seq, previous_hash and entry_hash with the canonical
-- digest of V8, unchanged) and advances the head, in one short transaction. Every replica's sealer (a starter
-- component, every 200 ms) may call it: concurrent sealers wait for each other on the head lock, and each sees
-- the entries the one before it sealed, so the chain never forks. An entry whose transaction commits after a
-- later entry was sealed simply gets a later position: the chain's order is chain_seq, not id.
--
-- Entries chained by V8 keep their positions and hashes: the canonical form and the head are the same.
--
-- Tamper evidence now starts when an entry is sealed (normally within the sealer's interval of its commit), not
-- when it commits; GET <api>/audit/verification reports unsealed entries as pending, and as a failure once the
-- oldest has waited longer than accord.platform.audit.seal-overdue-after. See docs/adr/0006-audit-chain-sealing.md.

drop trigger audit_event_hash_chain on audit_event;
drop function audit_event_chain();

-- the sealer looks for unsealed entries through this small index, so an idle sealer costs one index probe
create index audit_event_unsealed on audit_event (id) where chain_seq is null;

-- An insert carries no chain fields (they are the sealer's) and cannot be back-dated: occurred_at is the
-- database's clock at the insert, whatever the statement says.
create function audit_event_unsealed_insert() returns trigger language plpgsql as $$
begin
    if new.chain_seq is not null or new.previous_hash is not null or new.entry_hash is not null then
        raise exception using errcode = 'insufficient_privilege',
            message = 'audit_event chain columns are written by audit_seal() only';
    end if;
    new.occurred_at := clock_timestamp();
    return new;
end;
$$;

create trigger audit_event_unsealed_on_insert
    before insert on audit_event
    for each row execute function audit_event_unsealed_insert();

-- Append-only, with one exception: audit_seal() filling the three null chain columns of an entry once, with the
-- entry's true digest, every other column unchanged. (The runtime role has no UPDATE right on the table at all;
-- this trigger binds the owner and audit_seal, which runs as the owner.)
create function audit_event_append_only_row() returns trigger language plpgsql as $$
declare
    unsealed audit_event;
begin
    if tg_op = 'UPDATE' and current_setting('accord.audit_sealing', true) = 'on'
            and old.chain_seq is null and old.previous_hash is null and old.entry_hash is null
            and new.chain_seq is not null and new.previous_hash is not null
            and new.entry_hash = audit_event_digest(new) then
        unsealed := new;
        unsealed.chain_seq := null;
        unsealed.previous_hash := null;
        unsealed.entry_hash := null;
        if unsealed is not distinct from old then
            return new;
        end if;
    end if;
    raise exception 'audit_event is append-only';
end;
$$;

-- same name as V3's statement trigger, which it replaces: per row, so the sealer's update can be told apart
drop trigger audit_event_no_update_or_delete on audit_event;
create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only_row();
-- a DELETE that matches no row is refused too, as before
create trigger audit_event_no_update_or_delete_statement
    before delete on audit_event
    for each statement execute function audit_event_append_only();

-- security definer: runs as the owner, so the runtime role can seal (and only seal) without any write right on
-- the chain head or on the chain columns. Returns how many entries it sealed (at most max_entries).
create function audit_seal(max_entries int default 1000) returns int
        language plpgsql security definer set search_path from current as $$
declare
    head audit_chain_head%rowtype;
    entry audit_event;
    sealed int := 0;
    updated int;
begin
    if max_entries is null or max_entries < 1 then
        raise exception 'audit_seal: max_entries must be at least 1';
    end if;
    -- nothing to seal: no lock taken and nothing written, so an idle sealer's transaction needs no WAL flush
    if not exists (select 1 from audit_event where chain_seq is null) then
        return 0;
    end if;
    -- concurrent sealers queue here; in READ COMMITTED each statement below sees what the previous one committed
    select * into head from audit_chain_head where id = 1 for update;
    perform set_config('accord.audit_sealing', 'on', true);
    for entry in select * from audit_event where chain_seq is null order by id limit max_entries loop
        entry.chain_seq := head.last_seq + 1;
        entry.previous_hash := head.last_hash;
        entry.entry_hash := audit_event_digest(entry);
        update audit_event
           set chain_seq = entry.chain_seq, previous_hash = entry.previous_hash, entry_hash = entry.entry_hash
         where id = entry.id and chain_seq is null;
        get diagnostics updated = row_count;
        if updated <> 1 then
            raise exception 'audit_seal: entry % was sealed concurrently', entry.id;
        end if;
        head.last_seq := entry.chain_seq;
        head.last_hash := entry.entry_hash;
        sealed := sealed + 1;
    end loop;
    perform set_config('accord.audit_sealing', 'off', true);
    if sealed > 0 then
        update audit_chain_head set last_seq = head.last_seq, last_hash = head.last_hash where id = 1;
    end if;
    return sealed;
end;
$$;

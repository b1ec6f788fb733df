-- audit_seal computes the canonical form of a batch's entries in one query, all but the two fields that chain them
-- (the position and the previous hash), and only chains in its loop. V12's loop called audit_event_digest per
-- entry, whose thirteen audit_chain_field calls each ran as a statement of its own. Same links, same hashes
-- (audit_event_digest stays, for checks in SQL). Sealing 700 recent orchestration entries on a quiet server:
-- 0.10-0.14 ms per entry before, 0.07 after.

create or replace function audit_seal(max_entries int default 1000) returns int
        language plpgsql security definer set search_path from current as $$
declare
    head audit_chain_head%rowtype;
    entry record;
    queued bigint[];
    linked bigint[];
    positions bigint[];
    previous varchar(64)[];
    hashes varchar(64)[];
    n int := 0;
    seq text;
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
    linked := array_fill(0::bigint, array[cardinality(queued)]);
    positions := linked;
    previous := array_fill(''::varchar, array[cardinality(queued)]);
    hashes := previous;
    -- every field of the canonical form but the position and the previous hash, for the batch in one
    -- query; the loop only chains (V12 called audit_event_digest, whose 13 field calls each ran as a
    -- statement of their own, per entry)
    for entry in
        select e.id, convert_to(audit_chain_field(e.id::text)
            || audit_chain_field(to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
            || audit_chain_field(e.actor) || audit_chain_field(e.actor_id)
            || audit_chain_field(e.partner_id::text) || audit_chain_field(e.resource_type)
            || audit_chain_field(e.resource_id) || audit_chain_field(e.action)
            || audit_chain_field(e.before_state::text) || audit_chain_field(e.after_state::text)
            || audit_chain_field(e.correlation_id), 'UTF8') as content
        from audit_event e where e.id = any(queued) order by e.id loop
        n := n + 1;
        seq := (head.last_seq + 1)::text;
        hash := encode(sha256(convert_to('accord-audit-v1;' || length(seq) || ':' || seq || ';', 'UTF8')
            || entry.content || convert_to(length(head.last_hash) || ':' || head.last_hash || ';', 'UTF8')), 'hex');
        linked[n] := entry.id;
        positions[n] := head.last_seq + 1;
        previous[n] := head.last_hash;
        hashes[n] := hash;
        head.last_seq := head.last_seq + 1;
        head.last_hash := hash;
    end loop;
    insert into audit_chain_link (event_id, chain_seq, previous_hash, entry_hash)
    select * from unnest(linked[1:n], positions[1:n], previous[1:n], hashes[1:n]);
    delete from audit_unsealed where event_id = any(queued);
    if n > 0 then
        update audit_chain_head set last_seq = head.last_seq, last_hash = head.last_hash where id = 1;
    end if;
    return n;
end;
$$;

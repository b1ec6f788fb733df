-- audit_seal computes the canonical form of a batch's entries in one query, all but the two fields that chain them
-- (the position and the previous hash), and only chains in its loop. V12's loop called audit_event_digest per
-- entry, whose thirteen audit_chain_field calls each ran as a statement of its own. Same links, same hashes
-- (audit_event_digest stays, for checks in SQL). Sealing 700 recent orchestration entries in one call on a quiet
-- server (rolled back, three runs each): 0.10-0.14 ms per entry with V12's function, 0.05-0.06 with this one.

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
    -- every field of the canonical form but the position and the previous hash, for the batch in one query; the
    -- loop only chains. Each field is written out here: audit_chain_field is not inlined when its argument is an
    -- expression (it names its parameter three times), so it ran as a statement of its own per field and entry.
    -- The texts are computed once per entry (offset 0 keeps the subquery from being pulled up into each use).
    for entry in
        select e.id, convert_to(coalesce(char_length(f.id) || ':' || f.id || ';', '~;')
            || coalesce(char_length(f.occurred) || ':' || f.occurred || ';', '~;')
            || coalesce(char_length(e.actor) || ':' || e.actor || ';', '~;')
            || coalesce(char_length(e.actor_id) || ':' || e.actor_id || ';', '~;')
            || coalesce(char_length(f.partner) || ':' || f.partner || ';', '~;')
            || coalesce(char_length(e.resource_type) || ':' || e.resource_type || ';', '~;')
            || coalesce(char_length(e.resource_id) || ':' || e.resource_id || ';', '~;')
            || coalesce(char_length(e.action) || ':' || e.action || ';', '~;')
            || coalesce(char_length(f.before) || ':' || f.before || ';', '~;')
            || coalesce(char_length(f.after) || ':' || f.after || ';', '~;')
            || coalesce(char_length(e.correlation_id) || ':' || e.correlation_id || ';', '~;'), 'UTF8') as content
        from audit_event e
        cross join lateral (
            select e.id::text as id,
                   to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred,
                   e.partner_id::text as partner, e.before_state::text as before, e.after_state::text as after
            offset 0) f
        where e.id = any(queued) order by e.id loop
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

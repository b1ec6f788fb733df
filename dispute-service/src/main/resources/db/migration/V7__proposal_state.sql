-- A proposal stays on the dispute with its state (proposed, accepted, rejected, withdrawn) until the next one replaces
-- it; a rejection used to drop it (its reason only in the history). The proposals kept so far get the state their
-- dispute implies: a rejected one was not kept, so there is none to restore.
update dispute
set proposal = proposal || jsonb_build_object('state', case
        when state in ('ACCEPTED', 'RESOLVED', 'CLOSED') then 'accepted'
        when state = 'WITHDRAWN' then 'withdrawn'
        else 'proposed' end)
where proposal is not null and proposal ->> 'state' is null;

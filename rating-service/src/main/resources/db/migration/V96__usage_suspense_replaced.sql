-- A suspended record its sender replaced with a corrected copy (docs/rating-suspense.md, "Replaced by the sender") is
-- no longer counted as written off: it gets its own status REPLACED and its own count per source and day, so that
-- written off means what ops gave up on (revenue assurance reads it as leakage) and
-- received = rated + suspended + duplicates + written_off + replaced still holds.
alter table usage_suspense drop constraint usage_suspense_status_check;
alter table usage_suspense add constraint usage_suspense_status_check
    check (status in ('OPEN', 'RECYCLED', 'WRITTEN_OFF', 'REPLACED'));

alter table usage_source_day add column replaced bigint not null default 0;

-- the records replaced before: written off with the replacement's resolution, counted in written_off on their day
with moved as (
    update usage_suspense set status = 'REPLACED'
    where status = 'WRITTEN_OFF' and resolution = 'replaced by the sender''s corrected copy'
    returning source, received_day),
counted as (select source, received_day, count(*) as n from moved group by source, received_day)
update usage_source_day d
set written_off = d.written_off - c.n, replaced = d.replaced + c.n, updated_at = now()
from counted c
where d.source = c.source and d.day = c.received_day;

-- Suspense filtered by subscriber and by offering (docs/rating-suspense.md): the offering a suspense record concerns
-- gets a column (the offering of the product instance the engine picked before it stopped, e.g. for want of a price,
-- else the one the record named), and both filters an index in the order the list reads them.
alter table usage_suspense add column offering_id text;

-- The kept record (UsageReported JSON) as jsonb, or null when it is none: an INVALID record's payload may be any bytes.
create function pg_temp.usage_payload(payload bytea) returns jsonb language plpgsql immutable as $$
begin
    return convert_from(payload, 'UTF8')::jsonb;
exception when others then
    return null;
end
$$;

-- Backfill from what the rows keep: the offering a record named, else the one a NO_PRICE detail names ("offering X
-- has no VOICE price in force at …", the product instance's); a subscriber id a row lacks (records set aside as
-- INVALID kept only their identity) when the kept record names one that a record may have (at most 200 characters).
update usage_suspense s
set offering_id   = coalesce(case when length(k.record ->> 'offeringId') between 1 and 200
                                  then k.record ->> 'offeringId' end,
                             case when s.reason = 'NO_PRICE'
                                  then substring(s.detail from '^offering (\S+) has no ') end),
    subscriber_id = coalesce(s.subscriber_id,
                             case when length(k.record ->> 'subscriberId') between 1 and 200
                                  then k.record ->> 'subscriberId' end)
from (select suspense_id, case when jsonb_typeof(j.payload) = 'object' then j.payload end as record
      from usage_suspense cross join lateral (select pg_temp.usage_payload(payload) as payload) j) k
where k.suspense_id = s.suspense_id
  and (k.record is not null or s.reason = 'NO_PRICE');

drop function pg_temp.usage_payload(bytea);

create index usage_suspense_subscriber on usage_suspense (subscriber_id, suspended_at)
    where subscriber_id is not null;
create index usage_suspense_offering on usage_suspense (offering_id, suspended_at) where offering_id is not null;

-- The subscriber id a rated record's tier accumulator is kept under (docs/rating-rerating.md). Usage may name a
-- product instance by any of its identifiers (MSISDN, ICCID, ACCOUNT_ID, LICENCE_KEY, ...), and `subscriber_id` keeps
-- the one the sender used; the engine accumulates all of the instance's usage under its one canonical subscriber id.
-- Re-rating rebuilt a record's accumulator key from `subscriber_id`, so every record sent under another identifier
-- than the canonical one looked as if its accumulator had changed (ACCUMULATOR_CHANGED) and was never corrected.
-- From now on the ledger writes the canonical id here when it differs from `subscriber_id`; null means the same
-- (most records), so the column costs nothing on them.
alter table usage_rated add column if not exists accumulator_subscriber_id text;

-- The records rated before: the instance's canonical subscriber id as the read models hold it now, where the record
-- did not name it and the instance's accumulator of the record's tier period exists (every rating writes it). A record
-- whose instance changed its canonical id since, in a way this cannot tell, stays null and a re-rating reports it
-- ACCUMULATOR_CHANGED, as before.
update usage_rated r set accumulator_subscriber_id = p.subscriber_id
from rating_product p
where p.product_id = r.product_instance_id
  and p.subscriber_id is not null and p.subscriber_id <> r.subscriber_id
  and exists (select 1 from rating_product_identifier i
              where i.product_id = p.product_id and i.value = r.subscriber_id)
  and exists (select 1 from tier_accumulator a
              where a.subscriber_id = p.subscriber_id and a.offering_id = r.offering_id and a.usage_type = r.usage_type
                and a.tier_period = r.tier_period and a.period_start = r.period_start);

-- The volume-tier finaliser (VolumePeriodFinaliser) keys a period by the subscriber id its accumulator is kept under,
-- coalesce(accumulator_subscriber_id, subscriber_id), as re-rating does; it keyed it by subscriber_id, so a period of
-- usage sent under another identifier than the canonical one had no tier_accumulator row, failed at every attempt
-- and was never made final, and an instance's usage sent under two identifiers made two periods. The periods pending
-- under a sender's identifier without an accumulator row move to the accumulator's id (the usage_rated_volume index
-- of V83 finds their records, before it is replaced below).
insert into volume_period_pending (subscriber_id, offering_id, usage_type, tier_period, period_start)
select distinct r.accumulator_subscriber_id, p.offering_id, p.usage_type, p.tier_period, p.period_start
from volume_period_pending p
join usage_rated r on r.subscriber_id = p.subscriber_id and r.offering_id = p.offering_id
  and r.usage_type = p.usage_type and r.period_start = p.period_start and r.tier_period = p.tier_period
  and r.tier_mode = 'VOLUME' and r.accumulator_subscriber_id is not null
on conflict do nothing;
delete from volume_period_pending p
where not exists (select 1 from tier_accumulator a
                  where a.subscriber_id = p.subscriber_id and a.offering_id = p.offering_id
                    and a.usage_type = p.usage_type and a.tier_period = p.tier_period
                    and a.period_start = p.period_start)
  and exists (select 1 from usage_rated r
              where r.subscriber_id = p.subscriber_id and r.offering_id = p.offering_id
                and r.usage_type = p.usage_type and r.period_start = p.period_start and r.tier_period = p.tier_period
                and r.tier_mode = 'VOLUME' and r.accumulator_subscriber_id is not null);

-- Its index of the volume-tier records by period is keyed the same way. It replaces usage_rated_volume rather than
-- adding a second one: only the finaliser read that one, and every index is an insert per rated row of the pipeline;
-- the expression costs a coalesce per volume-tier row, no wider key. The build reads the whole ledger: on a large one
-- build it beforehand without blocking writes (docs/deploy-kubernetes.md, "Upgrade and rollback").
create index if not exists usage_rated_volume_accumulator on usage_rated
    (coalesce(accumulator_subscriber_id, subscriber_id), offering_id, usage_type, period_start, arrival_order)
    where tier_mode = 'VOLUME';
drop index usage_rated_volume;

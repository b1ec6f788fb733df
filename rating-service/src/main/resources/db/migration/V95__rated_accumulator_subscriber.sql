-- The subscriber id a rated record's tier accumulator is kept under (docs/rating-rerating.md). Usage may name a
-- product instance by any of its identifiers (MSISDN, ICCID, ACCOUNT_ID, LICENCE_KEY, ...), and `subscriber_id` keeps
-- the one the sender used; the engine accumulates all of the instance's usage under its one canonical subscriber id.
-- Re-rating rebuilt a record's accumulator key from `subscriber_id`, so every record sent under another identifier
-- than the canonical one looked as if its accumulator had changed (ACCUMULATOR_CHANGED) and was never corrected.
-- From now on the ledger writes the canonical id here when it differs from `subscriber_id`; null means the same
-- (most records), so the column costs nothing on them.
alter table usage_rated add column accumulator_subscriber_id text;

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

-- Who suspended a SUSPENDED instance: CSP staff or its buyer (the reseller barring its own customer), the user and
-- when. A reseller lifts only its own bar; staff lift any. Instances suspended before this migration count as barred
-- by staff (the safe default: a reseller cannot lift a fraud or legal bar it may not have set); who and when are
-- unknown for them. The columns are set exactly while the instance is suspended.
alter table product_instance
    add column suspended_by_side varchar(10) check (suspended_by_side in ('STAFF', 'PARTNER')),
    add column suspended_by      varchar(200),
    add column suspended_at      timestamptz;
update product_instance set suspended_by_side = 'STAFF' where state = 'SUSPENDED';
alter table product_instance add constraint product_instance_suspended_by
    check ((state = 'SUSPENDED') = (suspended_by_side is not null));
-- the new columns analyse the small sample the table's others do (V40)
select platform_sample_statistics('product_instance');

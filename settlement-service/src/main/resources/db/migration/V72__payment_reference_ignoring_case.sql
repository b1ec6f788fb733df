-- A bank reference is recorded once per statement ignoring case: "S63-R1-p1x" and "s63-r1-p1x" are one bank movement
-- (the unique (statement_id, reference) of V41 compared them exactly). Payments recorded twice that way before this
-- migration stay, as the money records they are: each later one is marked as a duplicate of the statement's earliest
-- payment with its reference, for finance to correct, and is outside the new index.
alter table statement_payment add column duplicate_of uuid references statement_payment (id);
create index statement_payment_duplicate_of on statement_payment (duplicate_of);

update statement_payment later
set duplicate_of = (select first.id from statement_payment first
                    where first.statement_id = later.statement_id
                      and lower(first.reference) = lower(later.reference)
                    order by first.recorded_at, first.id
                    limit 1)
where exists (select 1 from statement_payment earlier
              where earlier.statement_id = later.statement_id
                and lower(earlier.reference) = lower(later.reference)
                and (earlier.recorded_at, earlier.id) < (later.recorded_at, later.id));

create unique index statement_payment_reference_ignoring_case
    on statement_payment (statement_id, lower(reference)) where duplicate_of is null;

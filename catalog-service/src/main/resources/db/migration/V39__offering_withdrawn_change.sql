-- A launched offering's change waiting for review may be withdrawn by whoever may change the offering (its proposer,
-- the owning partner, staff): the change is dropped unapplied and kept as the offering's last withdrawn change, beside
-- its last rejected one (V36). Its definition stays in the audit trail ('change proposed', 'change withdrawn').
alter table product_offering
    add column withdrawn_change    varchar(20),
    add column withdrawn_change_by varchar(200),
    add column withdrawn_change_at timestamptz;

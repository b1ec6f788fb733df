-- The auto-approval policy measures a small price change against the last version a partner manager (or the launch)
-- approved, not against the policy's own previous approvals: chained +10% announcements had raised a price by 46%
-- without review. Each version records whether the policy approved it; versions written before count as reviewed.
alter table product_offering_price add column auto_approved boolean not null default false;

-- A suspended or terminated partner's hub subscriptions kept receiving events: the hub never knew partner status.
-- Every service with a hub now follows partner.events.v1 itself (HubPartnerEvents, consumer group and inbox
-- consumer "<service>.hub") into hub_partner_status: a partner known here as not ACTIVE has its deliveries held
-- (SUSPENDED: the relay leases none of its subscriptions until it is ACTIVE again); TERMINATED disables its
-- subscriptions for good. No row: the partner was never suspended or terminated as far as this service knows.
create table hub_partner_status (
    partner_id uuid primary key,
    status     varchar(20) not null,   -- ACTIVE, SUSPENDED, TERMINATED as onboarding announced it
    sequence   bigint,                 -- ce_sequence of the newest event applied (order-safe; null: unnumbered)
    changed_at timestamptz not null    -- when that status became true (the event's time)
);

-- Why a subscription is disabled, shown as statusReason by GET <api>/hub/{id}: too many failed deliveries, or its
-- partner's termination (then it stays disabled: enabling it is refused).
alter table hub_subscription add column status_reason text;

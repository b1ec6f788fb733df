-- What orchestration knows of partners, kept by the starter's PartnerView from partner.events.v1 (never a call to
-- onboarding). Order-safe: the sequence of the newest event applied; legal_name null for a placeholder made by a
-- status change that arrived before the partner's activation.
create table partner_view (
    id         uuid primary key,
    legal_name varchar(200),
    status     varchar(20)  not null,
    updated_at timestamptz  not null,
    sequence   bigint
);

-- Settlement periods per partner, following the cycle of the agreement in force (UTC, [start_at, end_at)).
create table settlement_period (
    id               uuid primary key,
    partner_id       uuid         not null,
    agreement_id     varchar(64),
    cycle            varchar(16)  not null,
    start_at         timestamptz  not null,
    end_at           timestamptz  not null check (end_at > start_at),
    state            varchar(16)  not null,
    closed_early_at  timestamptz,
    closed_early_by  varchar(200),
    closing_at       timestamptz,
    closed_at        timestamptz,
    version          bigint       not null default 0,
    created_at       timestamptz  not null,
    unique (partner_id, start_at)
);
create index settlement_period_state on settlement_period (state, partner_id);

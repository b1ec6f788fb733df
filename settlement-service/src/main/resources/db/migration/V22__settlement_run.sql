-- Settlement runs (docs/settlement.md, "Runs"): which partners' periods a run settles and how far it got. A run is
-- worked on by one replica at a time (ShedLock) and resumes where it stopped after a crash.
create table settlement_run (
    id            uuid primary key,
    state         varchar(16)  not null,
    requested_by  varchar(200) not null,
    total         integer      not null,
    done          integer      not null default 0,
    failed        integer      not null default 0,
    started_at    timestamptz  not null,
    finished_at   timestamptz
);

create table settlement_run_item (
    run_id        uuid         not null references settlement_run (id),
    period_id     uuid         not null,
    partner_id    uuid         not null,
    status        varchar(16)  not null,
    statement_id  uuid,
    error         text,
    primary key (run_id, period_id)
);
create index settlement_run_item_pending on settlement_run_item (run_id, status);

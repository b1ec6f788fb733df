-- Persisted sagas: an ordered list of steps run one at a time by the saga runner (see docs/orchestration-saga.md).
create table saga (
    id              uuid primary key,
    reference       varchar(200) not null,
    state           varchar(20)  not null,
    -- the runner looks at the saga again at this instant (a retry, a waiting step's deadline); null: nothing to do
    next_run_at     timestamptz,
    -- which runner works the saga right now and until when: a lease that expired is taken over (crash recovery)
    lease_token     uuid,
    lease_until     timestamptz,
    failed_step_id  uuid,
    failure_reason  text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null
);

create index saga_due on saga (next_run_at) where state in ('RUNNING', 'COMPENSATING');
create index saga_reference on saga (reference);
create index saga_fallout on saga (updated_at) where state <> 'COMPLETED';

create table saga_step (
    id              uuid primary key,
    saga_id         uuid         not null references saga (id),
    position        int          not null,
    type            varchar(100) not null,
    payload         jsonb        not null,
    state           varchar(20)  not null,
    attempts        int          not null,
    max_attempts    int          not null,
    first_backoff_ms bigint      not null,
    max_backoff_ms  bigint       not null,
    next_attempt_at timestamptz,
    deadline_at     timestamptz,
    -- the step did (or may have done) something outside: compensation must undo it
    compensable     boolean      not null,
    last_error      text,
    skip_reason     text,
    -- an acknowledgement that arrived while the step's request was still in flight, applied when it returns
    early_ack       varchar(20),
    early_ack_reason text,
    updated_at      timestamptz  not null,
    unique (saga_id, position)
);

-- Re-rating (docs/rating-rerating.md): corrections are a REVERSAL row (amounts negated, reversal_of = the row it
-- reverses) and a RERATED row (reversal_of = the row it replaces), never an update. A rated row is reversed at most
-- once and replaced at most once, whichever job or replica tries: so every usage has exactly one current rating
-- (its rated rows not reversed). Partial: only correction rows are indexed, the pipeline's inserts do not pay for it.
create unique index usage_rated_one_correction on usage_rated (reversal_of, kind) where reversal_of is not null;

-- Finding the records a re-rate job affects (offering + usage time range), and whether a price correction
-- overlaps rated usage at all.
create index usage_rated_offering_time on usage_rated (offering_id, usage_time);

-- Volume-tier periods still to make final: only provisional rows are indexed.
create index usage_rated_provisional on usage_rated (period_start) where provisional;

-- Re-rate jobs: requested by ops/finance (partner + offering + usage time range) or scheduled by a price correction
-- with a past effective date. The job's progress commits with each batch's corrections, so a job resumes after a
-- crash where its last committed batch ended.
create table rerate_job (
    job_id           uuid        primary key,
    request_id       text        not null unique,
    cause            text        not null check (cause in ('REQUEST', 'PRICE_CORRECTION')),
    partner_id       text,
    offering_id      text        not null,
    usage_type       text,
    from_time        timestamptz not null,
    to_time          timestamptz,
    price_version_id text,
    reason           text,
    state            text        not null check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    started_seq      bigint,
    cursor_seq       bigint      not null default 0,
    to_examine       bigint,
    examined         bigint      not null default 0,
    reversed         bigint      not null default 0,
    rerated          bigint      not null default 0,
    unchanged        bigint      not null default 0,
    not_rerated      bigint      not null default 0,
    not_rerated_samples jsonb    not null default '[]',
    attempts         int         not null default 0,
    last_error       text,
    requested_by     text        not null,
    requested_at     timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null
);
create index rerate_job_open on rerate_job (requested_at) where state in ('QUEUED', 'RUNNING');
create index rerate_job_requested on rerate_job (requested_at desc, job_id);

-- Volume-tier periods made final: up to which rated sequence. A record rated into the period later (late usage, a
-- price correction's re-rating) has a higher sequence and makes the period be finalised again.
create table volume_period_final (
    subscriber_id text        not null,
    offering_id   text        not null,
    usage_type    text        not null,
    tier_period   text        not null,
    period_start  date        not null,
    last_seq      bigint      not null,
    reversed      bigint      not null,
    finalised_at  timestamptz not null,
    primary key (subscriber_id, offering_id, usage_type, tier_period, period_start)
);

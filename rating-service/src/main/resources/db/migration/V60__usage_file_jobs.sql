-- A partner's CDR file (CSV) uploaded as a job (docs/rating-usage-api.md): the body is streamed into 1 MB chunks
-- in PostgreSQL (usage_file_chunk) and processed in the background in chunks of rows, each chunk's ledger writes,
-- row errors and the job's checkpoint (rows_read and the counts) in one transaction, by the one runner holding the
-- job's lease. After a crash another runner (or the same after a restart) resumes at the checkpoint.
create table usage_file_job (
    id             uuid        primary key,
    owner          text        not null,            -- the submitting partner's id, '' for staff
    own_source     text,                            -- the partner's source (its id): its rows may name only it
    submitted_by   text        not null,
    file_name      varchar(255),
    file_size      bigint      not null,
    state          text        not null check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    rows_read      bigint      not null default 0, -- checkpoint: data rows done (1 = first after the header)
    rated          bigint      not null default 0,
    suspended      bigint      not null default 0,
    duplicates     bigint      not null default 0,
    invalid        bigint      not null default 0,
    attempts       int         not null default 0, -- runs that ended in an unexpected error (FAILED after a few)
    failure        varchar(2000),
    created_at     timestamptz not null,
    started_at     timestamptz,
    completed_at   timestamptz,
    updated_at     timestamptz not null,
    lease_owner    uuid,
    lease_until    timestamptz
);

create index usage_file_job_owner on usage_file_job (owner, created_at);
create index usage_file_job_due on usage_file_job (created_at) where state in ('QUEUED', 'RUNNING');

create table usage_file_chunk (
    job_id uuid    not null references usage_file_job (id) on delete cascade,
    seq    integer not null,
    data   bytea   not null,
    primary key (job_id, seq)
);

-- Every data row not rated: DUPLICATE, INVALID (field = the CSV column, '' for the row itself) or SUSPENDED (reason).
create table usage_file_error (
    job_id      uuid   not null references usage_file_job (id) on delete cascade,
    row_number  bigint not null,
    line_number bigint not null,
    outcome     text   not null,
    usage_id    text,
    field       text,
    reason      text,
    detail      text,
    primary key (job_id, row_number)
);

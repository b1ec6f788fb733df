-- Bulk import and export jobs (TMF620 importJob/exportJob). Files live in PostgreSQL as 1 MB chunks so they are
-- written and read as streams, never held whole in memory; jobs are claimed by one runner at a time with a lease.
create table import_job (
    id               uuid primary key,
    owner_partner_id uuid,                -- the partner the offerings belong to; null: the CSP's own offerings
    format           varchar(10)  not null, -- CSV | JSON
    mode             varchar(20)  not null, -- rowByRow | allOrNothing
    dry_run          boolean      not null,
    status           varchar(20)  not null, -- TMF JobStateType: Not Started | Running | Succeeded | Failed
    phase            varchar(20)  not null, -- COUNT, VALIDATE, WRITE, DONE
    next_row         integer      not null, -- checkpoint: the first row (1-based) the current phase has not done
    total_rows       integer,
    file_name        varchar(255),
    content_type     varchar(100) not null,
    file_size        bigint       not null,
    error_log        varchar(2000),
    created_by       varchar(200) not null,
    creation_date    timestamptz  not null,
    completion_date  timestamptz,
    last_update      timestamptz  not null,
    lease_owner      uuid,
    lease_until      timestamptz
);

create index import_job_owner on import_job (owner_partner_id, creation_date);
create index import_job_due on import_job (creation_date) where status in ('Not Started', 'Running');

create table import_file_chunk (
    job_id uuid    not null references import_job (id) on delete cascade,
    seq    integer not null,
    data   bytea   not null,
    primary key (job_id, seq)
);

-- One row per imported offering (a JSON array element, or the CSV lines sharing an externalId), written in the
-- same transaction as the chunk's offerings and the job's checkpoint.
create table import_row_result (
    job_id      uuid         not null references import_job (id) on delete cascade,
    row_number  integer      not null,
    line_number integer,
    external_id varchar(200),
    outcome     varchar(30)  not null,
    messages    jsonb,
    primary key (job_id, row_number)
);

create index import_row_result_outcome on import_row_result (job_id, outcome, row_number);

create table export_job (
    id               uuid primary key,
    owner_partner_id uuid,                -- whose offerings; null with all_owners false: the CSP's own
    all_owners       boolean      not null,
    format           varchar(10)  not null,
    status           varchar(20)  not null,
    row_count        integer,
    file_size        bigint,
    error_log        varchar(2000),
    created_by       varchar(200) not null,
    creation_date    timestamptz  not null,
    completion_date  timestamptz,
    last_update      timestamptz  not null,
    lease_owner      uuid,
    lease_until      timestamptz
);

create index export_job_owner on export_job (owner_partner_id, creation_date);
create index export_job_due on export_job (creation_date) where status in ('Not Started', 'Running');

create table export_file_chunk (
    job_id uuid    not null references export_job (id) on delete cascade,
    seq    integer not null,
    data   bytea   not null,
    primary key (job_id, seq)
);

-- Usage submitted through the TMF635 API (issue 10, "Input"): one row per record the API accepted for rating
-- (rated or suspended; duplicates and invalid records create none). The ledger tables stay the truth of what became
-- of the record; this row is the TMF Usage resource: its id, who submitted it, and what it came to at submission.
create table usage_submission (
    id           uuid        primary key,
    source       text        not null,
    usage_id     text        not null,
    owner        text        not null,
    submitted_by text        not null,
    submitted_at timestamptz not null,
    outcome      text        not null check (outcome in ('RATED', 'SUSPENDED')),
    reason       text,
    detail       text,
    usage        jsonb       not null
);
create index usage_submission_owner on usage_submission (owner, submitted_at desc, id);
create index usage_submission_usage on usage_submission (source, usage_id);

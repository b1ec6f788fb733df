-- Disputes: the aggregate row (proposal and status history inline), its disputed items, the thread (partner-visible
-- comments and staff-only internal notes, in separate tables so no partner query can reach a note), and evidence.
create table dispute (
    id                       uuid primary key,
    partner_id               uuid         not null,
    category                 varchar(32)  not null,
    disputed_amount          numeric(24, 6) not null,
    currency                 char(3)      not null,
    description              varchar(4000),
    statement_id             varchar(64),
    source                   varchar(16)  not null,
    reconciliation_id        varchar(64),
    state                    varchar(32)  not null,
    opened_by                varchar(200) not null,
    opened_at                timestamptz  not null,
    first_response_due       timestamptz  not null,
    resolution_due           timestamptz  not null,
    first_responded_at       timestamptz,
    first_response_breached  boolean      not null default false,
    resolution_breached      boolean      not null default false,
    escalated_to             varchar(64),
    escalation_reason        varchar(2000),
    proposal                 jsonb,
    proposed_at              timestamptz,
    rejection_reason         varchar(2000),
    outcome                  varchar(32),
    adjustment_id            varchar(64),
    resolved_by              varchar(200),
    resolved_at              timestamptz,
    closed_at                timestamptz,
    history                  jsonb        not null,
    updated_at               timestamptz  not null,
    version                  bigint       not null
);
create index dispute_partner on dispute (partner_id, opened_at);
create index dispute_state on dispute (state);

create table dispute_item (
    dispute_id uuid         not null references dispute (id),
    position   int          not null,
    role       varchar(32)  not null,
    ref_id     varchar(200) not null,
    amount     numeric(24, 6),
    open       boolean      not null,
    primary key (dispute_id, position)
);
-- one open dispute per disputed line (the statement itself is context, not a line)
create unique index dispute_item_one_open on dispute_item (role, ref_id) where open and role <> 'Statement';

create table dispute_comment (
    id          uuid primary key,
    dispute_id  uuid          not null references dispute (id),
    author      varchar(200)  not null,
    author_side varchar(16)   not null,
    text        varchar(4000) not null,
    created_at  timestamptz   not null
);
create index dispute_comment_dispute on dispute_comment (dispute_id, created_at);

create table dispute_internal_note (
    id         uuid primary key,
    dispute_id uuid          not null references dispute (id),
    author     varchar(200)  not null,
    text       varchar(4000) not null,
    created_at timestamptz   not null
);
create index dispute_internal_note_dispute on dispute_internal_note (dispute_id, created_at);

create table dispute_attachment (
    id          uuid primary key,
    dispute_id  uuid         not null references dispute (id),
    name        varchar(255) not null,
    created_at  timestamptz  not null
);
create index dispute_attachment_dispute on dispute_attachment (dispute_id, created_at);

create table dispute_attachment_version (
    attachment_id uuid         not null references dispute_attachment (id),
    version       int          not null,
    file_name     varchar(255),
    mime_type     varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        char(64)     not null,
    content       bytea        not null,
    uploaded_by   varchar(200) not null,
    uploaded_at   timestamptz  not null,
    primary key (attachment_id, version)
);

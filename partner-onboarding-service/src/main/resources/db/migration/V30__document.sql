-- Documents (TMF667): metadata, one row per version, and the bytes in a table of their own so that listing
-- and reading metadata never touch content.
create table document (
    id             uuid primary key,
    owner_type     varchar(20)  not null check (owner_type in ('PARTNER', 'APPLICATION')),
    owner_id       uuid         not null,
    document_type  varchar(20)  not null,
    name           varchar(200) not null,
    expiry_date    date,
    latest_version integer      not null check (latest_version >= 1),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null
);

create index document_owner on document (owner_type, owner_id);
create index document_expiry on document (expiry_date) where expiry_date is not null;

create table document_version (
    id             uuid primary key,
    document_id    uuid         not null references document (id),
    version_number integer      not null check (version_number >= 1),
    file_name      varchar(255),
    mime_type      varchar(100) not null,
    size_bytes     bigint       not null check (size_bytes > 0),
    sha256         varchar(64)  not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_at    timestamptz  not null,
    uploaded_by    varchar(200) not null,
    unique (document_id, version_number)
);

-- deferred: the content row may be flushed before the new version row it belongs to, within one transaction
create table document_content (
    version_id uuid  primary key references document_version (id) deferrable initially deferred,
    content    bytea not null
);

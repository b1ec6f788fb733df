-- A proposed version whose terms wait for approval can be sent back to its proposer for changes: it is a DRAFT
-- again, and the version keeps who sent it back, when and why (the last time; the audit trail keeps each).
alter table agreement
    add column sent_back_at     timestamptz,
    add column sent_back_by     varchar(200),
    add column sent_back_reason varchar(500),
    -- JPA @Version of the row, the TMF651 agreement's strong ETag (the column "version" is the version number)
    add column row_version      bigint not null default 0;

alter table agreement add constraint agreement_sent_back_named check (
    (sent_back_at is null) = (sent_back_by is null) and (sent_back_at is null) = (sent_back_reason is null));

comment on column agreement.sent_back_reason is 'why the version was last sent back to its proposer for changes';
comment on column agreement.row_version is 'optimistic-lock version of the row: the agreement''s ETag';

-- the proposers' worklist (GET /agreement?termsApproval=sentBack): drafts sent back, newest first
create index agreement_terms_sent_back on agreement (sent_back_at desc, id)
    where status = 'DRAFT' and sent_back_at is not null;

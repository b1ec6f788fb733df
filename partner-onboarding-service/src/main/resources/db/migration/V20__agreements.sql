-- Agreements (TMF651): templates per business model, and each partner's agreement in versions.
-- btree_gist lets one exclusion constraint compare the partner id (=) and the in-force period (&&).
create extension if not exists btree_gist;

create table agreement_template (
    id             uuid          primary key,
    business_model varchar(40)   not null,
    version        integer       not null check (version > 0),
    name           varchar(200)  not null,
    description    varchar(2000),
    terms          jsonb         not null,
    created_at     timestamptz   not null,
    created_by     varchar(200)  not null,
    constraint agreement_template_version unique (business_model, version)
);

-- One row per partner with an agreement: the row locked while that partner's versions change.
create table agreement_history (
    partner_id uuid        primary key,
    created_at timestamptz not null
);

create table agreement (
    id               uuid          primary key,
    partner_id       uuid          not null references agreement_history (partner_id),
    version          integer       not null check (version > 0),
    name             varchar(200)  not null,
    description      varchar(2000),
    agreement_type   varchar(40)   not null,
    partner_name     varchar(200)  not null,
    status           varchar(20)   not null check (status in ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'ACTIVE',
                                                             'SUPERSEDED', 'EXPIRED', 'TERMINATED')),
    terms            jsonb         not null,
    template_id      uuid          references agreement_template (id),
    effective_from   timestamptz   not null,
    valid_until      timestamptz,
    in_force_from    timestamptz,
    in_force_until   timestamptz,
    countersigned_at timestamptz,
    countersigned_by varchar(200),
    status_reason    varchar(500),
    created_at       timestamptz   not null,
    created_by       varchar(200)  not null,
    updated_at       timestamptz   not null,
    constraint agreement_version unique (partner_id, version),
    constraint agreement_period check (valid_until is null or valid_until > effective_from),
    constraint agreement_in_force_period check (in_force_until is null or in_force_from is not null
                                                and in_force_until >= in_force_from),
    constraint agreement_active_is_in_force check (status <> 'ACTIVE' or in_force_from is not null),
    constraint agreement_never_in_force_before_activation check (
        in_force_from is null or status in ('ACTIVE', 'SUPERSEDED', 'EXPIRED', 'TERMINATED')),
    -- the invariants the code keeps under the history row lock, held by the database as well; deferred to the
    -- commit because one transition updates two versions (the old one ends as the new one starts)
    constraint agreement_one_in_force_at_a_time exclude using gist (
        partner_id with =, tstzrange(in_force_from, in_force_until, '[)') with &&)
        where (in_force_from is not null) deferrable initially deferred,
    constraint agreement_one_active exclude using gist (partner_id with =)
        where (status = 'ACTIVE') deferrable initially deferred,
    constraint agreement_one_open_version exclude using gist (partner_id with =)
        where (status in ('DRAFT', 'PENDING_APPROVAL', 'APPROVED')) deferrable initially deferred
);

create index agreement_created on agreement (created_at, version, id);
create index agreement_due_activation on agreement (effective_from) where status = 'APPROVED';
create index agreement_due_expiry on agreement (in_force_until) where status = 'ACTIVE';

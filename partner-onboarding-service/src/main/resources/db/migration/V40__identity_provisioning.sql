-- One row per partner: the Keycloak group and partner admin user to create, and how far that got.
-- No foreign key to partner: the activation inserts both in one transaction, and the identity feature
-- knows partners only by id.
create table identity_provisioning (
    partner_id        uuid primary key,
    legal_name        varchar(200)  not null,
    admin_email       varchar(254)  not null,
    admin_first_name  varchar(100)  not null,
    admin_last_name   varchar(100)  not null,
    state             varchar(20)   not null,
    attempts          integer       not null,
    last_error        varchar(1000),
    next_attempt_at   timestamptz   not null,
    keycloak_group_id varchar(36),
    keycloak_user_id  varchar(36),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    completed_at      timestamptz,
    version           bigint        not null,
    constraint identity_provisioning_state check (state in ('PENDING', 'FAILED_RETRYING', 'DONE'))
);

-- what the worker polls: rows not yet done, oldest due first
create index identity_provisioning_due on identity_provisioning (next_attempt_at) where state <> 'DONE';

-- A partner's contact persons as TMF632 individuals, each linked to its partner (relatedParty).
create table partner_individual (
    id          uuid primary key,
    partner_id  uuid         not null references partner (id),
    given_name  varchar(100),
    family_name varchar(100) not null,
    email       varchar(254),
    phone       varchar(40),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);

create index partner_individual_by_partner on partner_individual (partner_id, created_at, id);
create index partner_individual_family_name on partner_individual (family_name);

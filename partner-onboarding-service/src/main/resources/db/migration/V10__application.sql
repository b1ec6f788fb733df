-- Partner applications: submitted without an account, followed with a tracking secret.
create table partner_application (
    id                   uuid primary key,
    status               varchar(20)  not null,
    tracking_secret_hash varchar(64)  not null,
    form                 text         not null,  -- the applicant's data as JSON (ApplicationForm)
    legal_name           varchar(200) not null,
    normalised_name      varchar(200) not null,
    country              varchar(2)   not null,
    tax_id               varchar(40),
    partner_type         varchar(40)  not null,
    business_model       varchar(40)  not null,
    checks               text,                   -- latest automated check results as JSON
    checks_ran_at        timestamptz,
    decision_reason      varchar(2000),
    decided_by           varchar(200),
    decided_at           timestamptz,
    auto_approved        boolean      not null default false,
    partner_id           uuid,
    created_at           timestamptz  not null,
    submitted_at         timestamptz,
    review_since         timestamptz,
    updated_at           timestamptz  not null,
    version              bigint       not null
);

create index partner_application_status on partner_application (status, submitted_at);
create index partner_application_tax_id on partner_application (tax_id);
create index partner_application_name on partner_application (normalised_name, country);

create table partner (
    id                  uuid primary key,
    legal_name          varchar(200) not null,
    partner_type        varchar(40)  not null,
    business_model      varchar(40)  not null,
    country             varchar(2)   not null,
    settlement_currency varchar(3)   not null,
    status              varchar(20)  not null,
    status_reason       varchar(500),
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);

create index partner_status on partner (status);
create index partner_legal_name on partner (lower(legal_name));

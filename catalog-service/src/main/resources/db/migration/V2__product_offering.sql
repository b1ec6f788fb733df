create table product_offering (
    id               uuid primary key,
    partner_id       uuid         not null,
    name             varchar(200) not null,
    description      varchar(2000),
    lifecycle_status varchar(30)  not null,
    created_at       timestamptz  not null,
    last_update      timestamptz  not null,
    version          bigint       not null
);

create index product_offering_partner on product_offering (partner_id, created_at);

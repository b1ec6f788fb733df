-- What catalog knows of partners, fed by partner.events.v1 (never a call to onboarding).
create table partner_view (
    id         uuid primary key,
    legal_name varchar(200) not null,
    status     varchar(20)  not null,
    updated_at timestamptz  not null
);

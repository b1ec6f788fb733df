-- Offering categories: a tree. Agreements' revenue-share rules name a category by its code.
create table category (
    id               uuid primary key,
    code             varchar(60)  not null unique,
    name             varchar(200) not null,
    description      varchar(2000),
    parent_id        uuid references category (id),
    lifecycle_status varchar(30)  not null,
    created_at       timestamptz  not null,
    last_update      timestamptz  not null,
    version          bigint       not null
);

create index category_parent on category (parent_id);

insert into category (id, code, name, description, parent_id, lifecycle_status, created_at, last_update, version) values
    ('0a1e0000-0000-4000-8000-000000000001', 'VIDEO', 'Video', 'Video streaming and TV content', null, 'Launched', now(), now(), 0),
    ('0a1e0000-0000-4000-8000-000000000002', 'MUSIC', 'Music', 'Music and audio streaming', null, 'Launched', now(), now(), 0),
    ('0a1e0000-0000-4000-8000-000000000003', 'GAMING', 'Gaming', 'Games and game streaming', null, 'Launched', now(), now(), 0),
    ('0a1e0000-0000-4000-8000-000000000004', 'IOT_CONNECTIVITY', 'IoT connectivity', 'Connectivity for IoT devices', null, 'Launched', now(), now(), 0),
    ('0a1e0000-0000-4000-8000-000000000005', 'MOBILE', 'Mobile', 'Mobile voice, messaging and data', null, 'Launched', now(), now(), 0),
    ('0a1e0000-0000-4000-8000-000000000006', 'CLOUD', 'Cloud', 'Cloud and enterprise services', null, 'Launched', now(), now(), 0);

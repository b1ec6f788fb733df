-- Gap-free document numbers per issuing entity and year. The counter row is taken with a row lock by the issuing
-- transaction (insert ... on conflict do update): concurrent issues wait, a rollback returns the number.
create table document_number_counter (
    issuing_entity varchar(64) not null,
    year           integer     not null,
    last_number    bigint      not null,
    primary key (issuing_entity, year)
);

-- Every number given, with the document it went to: the register auditors check for gaps.
create table document_number (
    issuing_entity varchar(64)  not null,
    year           integer      not null,
    number         bigint       not null,
    formatted      varchar(64)  not null unique,
    document_ref   varchar(100) not null,
    assigned_at    timestamptz  not null,
    primary key (issuing_entity, year, number)
);

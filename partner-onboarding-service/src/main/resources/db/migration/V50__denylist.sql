-- Names staff put on the denylist/sanctions list; screening also uses accord.onboarding.checks.denylist.
create table denylist_entry (
    id              uuid primary key,
    name            varchar(200)  not null,
    -- Names.normalise(name), unique so the same party is not listed twice under different spellings
    normalised_name varchar(1000) not null,
    reason          varchar(500)  not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null
);

create unique index denylist_entry_normalised_name on denylist_entry (normalised_name);

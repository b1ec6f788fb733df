-- The staff user working a dispute (a user name; null: nobody). Staff only: no partner view shows it.
alter table dispute add column assignee varchar(200);
create index dispute_assignee on dispute (assignee) where assignee is not null;

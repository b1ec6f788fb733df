-- a service's migration in the starter's tests of the migration modes (MigrateOnlyTests, PlatformMigrationsTests)
create table release_note (id bigint primary key, text text not null);

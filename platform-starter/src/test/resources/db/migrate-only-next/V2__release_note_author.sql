-- the next release's migration of the same service (PlatformMigrationsTests)
alter table release_note add column author text;

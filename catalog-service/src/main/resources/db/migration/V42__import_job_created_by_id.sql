-- The subject (token sub) of the user who uploaded an import file, so the rows the background runner imports on
-- their behalf are audited under their id as well as their name (the runner's thread has no token). Jobs
-- submitted before stay null.
alter table import_job add column created_by_id varchar(200);

-- An unexpected error (a database outage of a few seconds, a deadlock) used to fail an import or export job for good
-- at once. Now the job is taken again after a back-off, and FAILED only after several failed runs in a row: these
-- are counted on the job (0 again once a chunk, or the whole export, is done).
alter table import_job add column attempts integer not null default 0;
alter table export_job add column attempts integer not null default 0;

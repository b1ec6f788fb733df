-- The subject (token sub) of the user who started a run, so the statements its worker drafts are audited under
-- the user's id as well as their name (the worker thread has no token). Runs started before stay null.
alter table settlement_run add column requested_by_id varchar(200);

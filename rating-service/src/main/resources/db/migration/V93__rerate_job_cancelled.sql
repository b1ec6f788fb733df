-- A re-rate job may be CANCELLED (docs/rating-rerating.md): stopped for good by ops or finance, at a batch boundary;
-- the batches it committed stay committed.
alter table rerate_job drop constraint rerate_job_state_check;
alter table rerate_job add constraint rerate_job_state_check
    check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'));

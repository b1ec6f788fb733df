-- A CDR file job may be CANCELLED (docs/rating-usage-api.md): stopped for good at its checkpoint, its file deleted.
alter table usage_file_job drop constraint usage_file_job_state_check;
alter table usage_file_job add constraint usage_file_job_state_check
    check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'));

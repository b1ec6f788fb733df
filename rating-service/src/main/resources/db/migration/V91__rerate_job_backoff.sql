-- A re-rate job whose batch failed waits before its next attempt (docs/rating-rerating.md): 1 s after the first
-- failure, doubling up to a minute (the platform's Backoffs). Before, it was tried again at every poll (each second),
-- so 20 failures in a row, and FAILED, came within about 20 seconds of a passing fault.
alter table rerate_job add column next_attempt_at timestamptz;

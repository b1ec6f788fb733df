-- Locks of cluster-wide scheduled jobs (ShedLock, @SchedulerLock): one row per job name. Times are the
-- database's own (UTC), so replicas with skewed clocks agree on when a lock expires.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- Autovacuum analyses a table once a tenth of its rows changed, and ANALYZE reads a sample of 300 x the largest
-- statistics target of its columns: 30,000 rows at PostgreSQL's default of 100, however large the table. On the
-- busy tables of a growing service that is an analysis every minute or so, each reading up to 30,000 pages (the
-- outbox, whose rows are about 2 KB, 0.5-0.9 s of CPU per analysis on a 2-core machine) in one burst beside the
-- request path. These tables are read by key or through partial indexes, where a small sample plans as well.
-- platform_sample_statistics gives every column of a table the same small target (a column added later must get it
-- too: the largest target decides the sample); services call it for their own busy tables.

create or replace function platform_sample_statistics(target regclass, statistics int default 10) returns void
        language plpgsql as $$
declare
    col name;
begin
    for col in select attname from pg_attribute
               where attrelid = target and attnum > 0 and not attisdropped order by attnum loop
        execute format('alter table %s alter column %I set statistics %s', target, col, statistics);
    end loop;
end $$;

revoke all on function platform_sample_statistics(regclass, int) from public;

select platform_sample_statistics('outbox_event');
select platform_sample_statistics('inbox_event');
select platform_sample_statistics('audit_event');
select platform_sample_statistics('audit_chain_link');

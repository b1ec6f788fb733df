-- A record received over TMF635 or in a CDR file that could not be read is suspended INVALID without claiming its usage
-- id (usage_id stays null, so that the sender's corrected copy is rated); the usage id it named, when readable, is kept
-- here so that the usage fate API finds it by source and usage id (docs/rating-pipeline.md, "Usage fate").
alter table usage_suspense add column unclaimed_usage_id text;

-- Records suspended so before: their detail begins with "usage <id>: " (UsageSubmissions); only the wrapper such a
-- record is kept in ({"unreadable": …, "sent": …}) tells them from an unreadable Kafka record.
update usage_suspense
set unclaimed_usage_id = substring(detail from '^usage (.{1,200}?): ')
where usage_id is null and reason = 'INVALID' and detail like 'usage %: %'
  and position(convert_to('{"unreadable":', 'UTF8') in payload) = 1;

create index usage_suspense_unclaimed on usage_suspense (source, unclaimed_usage_id)
    where unclaimed_usage_id is not null;

-- The hourly purge of old duplicate markers (UsageKeyCleanup) finds them through the block-range index on usage_time
-- (V70, V85). Once rows are deleted and vacuumed, new markers fill the freed pages, and a block range's summary only
-- ever widens: it kept the purged rows' old minimum and took the new rows' recent maximum, so every later purge
-- matched it and read its pages again. After a few cycles each purge read nearly the whole table (docs/rating-pipeline.md,
-- "The duplicate markers' purge"). The purge now removes the summary of every range it deleted from: a range without a
-- summary is simply read by the next purges (always correct), new markers added to it cost no summary update, and
-- autosummarize summarizes it afresh, from the markers it holds then, once inserts have moved on to the next range.
--
-- brin_desummarize_range needs the index owner's rights, which the application's role does not have (it owns nothing
-- but its rows): security definer, as the owner, and it can do nothing but drop summaries of this one index.
create function usage_key_forget_ranges(blocks bigint[]) returns void
    language plpgsql security definer set search_path from current as $$
begin
    perform brin_desummarize_range('usage_key_usage_time'::regclass, block) from unnest(blocks) as block;
end $$;

-- The volume-tier finaliser (VolumePeriodFinaliser) looked for ended periods still to make final by reading, every
-- hour, every provisional rating of every period that had ended, ever: usage_rated is append-only, so a provisional
-- rating stays provisional after its period was made final (its reversal and the final record are new rows), and
-- the rows it read grew with the ledger's whole history. It now reads only what was rated since its last run
-- (docs/rating-rerating.md, "Volume tiers made final"):
--
-- * volume_finalisation_cursor: the last sequence number it has looked at. Sequence numbers are taken under the
--   usage_rated_sequence row lock until commit, so rated rows become visible in sequence order without gaps and
--   the cursor never passes a row that is not committed yet (as the publisher's cursor).
-- * volume_period_pending: the accumulator periods that got a current provisional volume rating after their last
--   finalisation; a period leaves it in the transaction that makes it final, once it has ended.
-- * usage_rated_volume_provisional: the provisional volume ratings by sequence, what the cursor reads. It replaces
--   usage_rated_provisional (period_start) of V40, which only the finaliser used.
--
-- Starting at 0, the first run reads every provisional volume rating once; periods finalised up to a rating's
-- sequence already (volume_period_final) are not made pending again.
--
-- Building the index reads usage_rated whole and holds up the pipeline's writes meanwhile. On a large ledger build
-- it beforehand without blocking writes (docs/deploy-kubernetes.md, "Upgrade and rollback"); it is then left as is.
create index if not exists usage_rated_volume_provisional on usage_rated (seq) where provisional and tier_mode = 'VOLUME';
drop index usage_rated_provisional;

create table volume_period_pending (
    subscriber_id text not null,
    offering_id   text not null,
    usage_type    text not null,
    tier_period   text not null,
    period_start  date not null,
    primary key (subscriber_id, offering_id, usage_type, tier_period, period_start)
);
create index volume_period_pending_start on volume_period_pending (period_start);

create table volume_finalisation_cursor (
    singleton boolean primary key default true check (singleton),
    last_seq  bigint  not null
);
insert into volume_finalisation_cursor (last_seq) values (0);

-- A dead letter's replay was claimed, sent and audited in one transaction: when its commit failed after the broker
-- took the record, nothing remembered the replay and the next request sent it again. Now the claim is committed
-- first (SENDING), the record sent, and the claim confirmed (SENT, with where it went) with the audit entry; a claim
-- never confirmed is not sent again until it is two minutes old (ReplayClaims in io.accord.platform.inbox).
-- replayed_at: while SENDING, when it was claimed; once SENT, when it was confirmed.
alter table dead_letter_replay add column state text not null default 'SENT';
update dead_letter_replay set state = 'SENDING' where replayed_to_offset is null;
alter table dead_letter_replay alter column state drop default;
alter table dead_letter_replay add constraint dead_letter_replay_state
    check (state = 'SENDING' or (state = 'SENT' and replayed_to_partition is not null
                                 and replayed_to_offset is not null));

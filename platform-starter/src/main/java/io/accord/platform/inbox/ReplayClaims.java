package io.accord.platform.inbox;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code dead_letter_replay} knows of each replay, written around the send and never in the same transaction
 * as it: a dead letter is claimed ({@code SENDING}, committed) before it is sent and confirmed ({@code SENT}, with
 * where it went) after the broker took it. A claim that was never confirmed (the confirming transaction failed, the
 * replica stopped) is a replay that may have been sent: it is not sent again while younger than
 * {@link #UNCONFIRMED_AFTER}, and after that whoever asks takes the claim over and sends it again (the consumers'
 * inbox skips an event id it has applied). A send that failed gives its claim back.
 */
class ReplayClaims {

    /** How long a claim may wait for its confirmation: well over a send's 30 s and the confirming transaction. */
    static final Duration UNCONFIRMED_AFTER = Duration.ofMinutes(2);

    /** The state of a dead letter's replay as one request finds it. */
    enum State {
        /** This request claimed it (first, or taking an unconfirmed claim over): it sends it. */
        CLAIMED,
        /** Another request claimed it less than {@link #UNCONFIRMED_AFTER} ago and has not confirmed it. */
        SENDING,
        /** Replayed: the broker took it. */
        SENT
    }

    /** @param replayedTo where a {@code SENT} replay went ({@code <topic>-<partition>@<offset>}), else null */
    record Claim(State state, Instant at, String by, String replayedTo) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** Claims and gives back in transactions of their own, committed at once even when called inside another. */
    ReplayClaims(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Claims the dead letter for this request, in a transaction of its own, committed when this returns: or finds
     * it claimed or replayed by another. A concurrent claim of the same dead letter waits for the other's commit.
     */
    Claim claim(DeadLetter letter, Instant now, String actor) {
        return transactions.execute(status -> {
            Optional<Claim> found = Optional.empty();
            while (found.isEmpty()) {
                // a claim given back (deleted) between the conflict and the read: claim it anew
                found = insertOrFind(letter, now, actor);
            }
            Claim existing = found.get();
            if (existing.state() == State.SENDING && !existing.at().isAfter(now.minus(UNCONFIRMED_AFTER))) {
                jdbc.sql("""
                                update dead_letter_replay set replayed_at = :at, replayed_by = :by
                                where dead_letter_topic = :topic and dead_letter_partition = :partition
                                  and dead_letter_offset = :offset""")
                        .param("at", now.atOffset(ZoneOffset.UTC)).param("by", actor)
                        .param("topic", letter.topic()).param("partition", letter.partition())
                        .param("offset", letter.offset()).update();
                return new Claim(State.CLAIMED, now, actor, null);
            }
            return existing;
        });
    }

    /** This request's claim, inserted; or the claim found (locked until the transaction ends). */
    private Optional<Claim> insertOrFind(DeadLetter letter, Instant now, String actor) {
        int inserted = jdbc.sql("""
                        insert into dead_letter_replay (dead_letter_topic, dead_letter_partition, dead_letter_offset,
                            original_topic, event_id, state, replayed_at, replayed_by)
                        values (:topic, :partition, :offset, :originalTopic, :eventId, 'SENDING', :at, :by)
                        on conflict do nothing""")
                .param("topic", letter.topic()).param("partition", letter.partition())
                .param("offset", letter.offset()).param("originalTopic", letter.originalTopic())
                .param("eventId", letter.eventId()).param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", actor).update();
        if (inserted == 1) {
            return Optional.of(new Claim(State.CLAIMED, now, actor, null));
        }
        return locked(letter);
    }

    /** Confirms this request's claim: the broker took the record. In the caller's transaction (with its audit). */
    void confirm(DeadLetter letter, RecordMetadata sent, Instant at) {
        jdbc.sql("""
                        update dead_letter_replay set state = 'SENT', replayed_to_partition = :toPartition,
                            replayed_to_offset = :toOffset, replayed_at = :at
                        where dead_letter_topic = :topic and dead_letter_partition = :partition
                          and dead_letter_offset = :offset""")
                .param("toPartition", sent.partition()).param("toOffset", sent.offset())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("topic", letter.topic()).param("partition", letter.partition()).param("offset", letter.offset())
                .update();
    }

    /** Gives this request's claim back after its send failed, unless another took it over meanwhile. */
    void release(DeadLetter letter, Claim claim) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        delete from dead_letter_replay
                        where dead_letter_topic = :topic and dead_letter_partition = :partition
                          and dead_letter_offset = :offset and state = 'SENDING' and replayed_at = :at
                          and replayed_by = :by""")
                .param("topic", letter.topic()).param("partition", letter.partition()).param("offset", letter.offset())
                .param("at", claim.at().atOffset(ZoneOffset.UTC)).param("by", claim.by()).update());
    }

    /** The replays of a page of dead letters, by {@link DeadLetter#id()}: those claimed or replayed. */
    Map<String, Claim> of(List<DeadLetter> page) {
        Map<String, Claim> claims = new HashMap<>();
        if (page.isEmpty()) {
            return claims;
        }
        StringBuilder sql = new StringBuilder("""
                select dead_letter_topic, dead_letter_partition, dead_letter_offset, original_topic, state,
                       replayed_to_partition, replayed_to_offset, replayed_at, replayed_by
                from dead_letter_replay where (dead_letter_topic, dead_letter_partition, dead_letter_offset) in (""");
        for (int i = 0; i < page.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:topic").append(i).append(", :partition").append(i)
                    .append(", :offset").append(i).append(')');
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql.append(')').toString());
        for (int i = 0; i < page.size(); i++) {
            statement = statement.param("topic" + i, page.get(i).topic())
                    .param("partition" + i, page.get(i).partition()).param("offset" + i, page.get(i).offset());
        }
        statement.query((rs, row) -> Map.entry(rs.getString("dead_letter_topic") + "-"
                        + rs.getInt("dead_letter_partition") + "@" + rs.getLong("dead_letter_offset"), claim(rs)))
                .list().forEach(entry -> claims.put(entry.getKey(), entry.getValue()));
        return claims;
    }

    private Optional<Claim> locked(DeadLetter letter) {
        return jdbc.sql("""
                        select original_topic, state, replayed_to_partition, replayed_to_offset, replayed_at,
                               replayed_by
                        from dead_letter_replay
                        where dead_letter_topic = :topic and dead_letter_partition = :partition
                          and dead_letter_offset = :offset
                        for update""")
                .param("topic", letter.topic()).param("partition", letter.partition()).param("offset", letter.offset())
                .query((rs, row) -> claim(rs)).optional();
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        boolean sent = "SENT".equals(rs.getString("state"));
        String replayedTo = sent ? rs.getString("original_topic") + "-" + rs.getInt("replayed_to_partition") + "@"
                + rs.getLong("replayed_to_offset") : null;
        return new Claim(sent ? State.SENT : State.SENDING, rs.getTimestamp("replayed_at").toInstant(),
                rs.getString("replayed_by"), replayedTo);
    }
}

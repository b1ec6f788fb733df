package io.accord.platform.inbox;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.persistence.PagedQuery;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ops' dead letters of this service's consumers: listed from the DLTs ({@link DeadLetterTopics}), and replayed by
 * republishing the record to its original topic with its key and headers (not the {@code kafka_dlt-*} ones) plus
 * {@value #REPLAYED_FROM}. Each dead letter is replayed once: its place on the DLT is claimed in
 * {@code dead_letter_replay} and committed before the send, and confirmed with the audit entry after it
 * ({@link ReplayClaims}), so a second request (another replica, "replay all" after a single replay) finds it replayed,
 * or being replayed, even when the confirming transaction failed after the broker took the record. An unconfirmed
 * claim older than {@link ReplayClaims#UNCONFIRMED_AFTER} is sent again on request: the consumers' inbox applies an
 * event id once. Only CloudEvents are replayed: a record without {@code ce_id} would be dead-lettered again by every
 * consumer of the topic.
 */
class DeadLetterReplays {

    static final String RESOURCE_TYPE = "dead-letter";
    static final String REPLAYED = "dead-letter-replayed";
    /** On the republished record: the dead letter it is, {@code <dlt>-<partition>@<offset>}. */
    static final String REPLAYED_FROM = "accord-replayed-from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplays.class);
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final DeadLetterTopics topics;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ReplayClaims claims;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    DeadLetterReplays(DeadLetterTopics topics, KafkaTemplate<String, byte[]> kafka, JdbcClient jdbc,
                      TransactionTemplate transactions, AuditTrail audit, Tenancy tenancy, Clock clock) {
        this.topics = topics;
        this.kafka = kafka;
        this.claims = new ReplayClaims(jdbc, transactions.getTransactionManager());
        this.transactions = transactions;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** What a replay did with one dead letter. */
    enum ReplayOutcome { REPLAYED, ALREADY_REPLAYED, IN_PROGRESS, NOT_REPLAYABLE }

    /**
     * @param replayedTo the topic, partition and offset of the republished record ({@code null} when not replayed, or
     *                   while {@code IN_PROGRESS}: claimed by another request at {@code replayedAt}, not confirmed)
     */
    @Schema(name = "DeadLetterReplay")
    record Replay(String deadLetter, String eventId, ReplayOutcome outcome, String replayedTo, Instant replayedAt,
                  String replayedBy) {
    }

    @Schema(name = "DeadLetterReplaySummary")
    record Summary(String topic, long replayed, long alreadyReplayed, long inProgress, long notReplayable,
                   List<Replay> records) {

        static Summary of(String topic, List<Replay> records) {
            return new Summary(topic, count(records, ReplayOutcome.REPLAYED),
                    count(records, ReplayOutcome.ALREADY_REPLAYED), count(records, ReplayOutcome.IN_PROGRESS),
                    count(records, ReplayOutcome.NOT_REPLAYABLE), records);
        }

        private static long count(List<Replay> records, ReplayOutcome outcome) {
            return records.stream().filter(replay -> replay.outcome() == outcome).count();
        }
    }

    /** The dead letters of this service's consumer groups, by DLT, partition and offset; one DLT or all. */
    PagedQuery.Slice<DeadLetter> list(String topic, boolean withPayload, int offset, int limit) {
        Map<String, Set<String>> groupsByTopic = topics.groupsByTopic();
        if (topic != null && !groupsByTopic.containsKey(topic)) {
            throw new InvalidInputException("topic", "'" + topic + "' is not a dead-letter topic of this service's"
                    + " consumers; they are: " + String.join(", ", groupsByTopic.keySet()));
        }
        List<DeadLetter> all = new ArrayList<>();
        groupsByTopic.forEach((dlt, groups) -> {
            if (topic == null || topic.equals(dlt)) {
                topics.forEach(dlt, null, Long.MAX_VALUE, record -> {
                    if (DeadLetterTopics.deadLetteredBy(groups, record)) {
                        all.add(DeadLetter.of(record, withPayload));
                    }
                });
            }
        });
        List<DeadLetter> page = all.subList(Math.min(offset, all.size()),
                (int) Math.min((long) offset + limit, all.size()));
        return new PagedQuery.Slice<>(withReplays(page), all.size());
    }

    /** Replays one dead letter; one already replayed is answered as such and not sent again. */
    Replay replay(String topic, int partition, long offset) {
        Set<String> groups = topics.groupsOf(topic);
        ConsumerRecord<String, byte[]> record = topics.read(topic, partition, offset)
                .filter(found -> DeadLetterTopics.deadLetteredBy(groups, found))
                .orElseThrow(() -> new NotFoundException("Dead letter of this service's consumers",
                        topic + "-" + partition + "@" + offset));
        Replay replay = replay(record);
        if (replay.outcome() == ReplayOutcome.NOT_REPLAYABLE) {
            throw new ConflictException("Dead letter " + replay.deadLetter() + " is not a CloudEvent (no ce_id):"
                    + " every consumer of its topic would dead-letter it again. Find and stop its producer.");
        }
        if (replay.outcome() == ReplayOutcome.IN_PROGRESS) {
            throw new ConflictException("Dead letter " + replay.deadLetter() + " is being replayed: claimed by "
                    + replay.replayedBy() + " at " + replay.replayedAt() + ", not confirmed yet (it may be out). Asked"
                    + " again from " + replay.replayedAt().plus(ReplayClaims.UNCONFIRMED_AFTER) + " on, it is sent"
                    + " again; the consumers apply its event once.");
        }
        return replay;
    }

    /** Replays the dead letters of a DLT (one partition or all) up to an offset (inclusive), or all there are. */
    Summary replayAll(String topic, Integer partition, Long upToOffset) {
        Set<String> groups = topics.groupsOf(topic);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        topics.forEach(topic, partition, upToOffset == null ? Long.MAX_VALUE : upToOffset, record -> {
            if (DeadLetterTopics.deadLetteredBy(groups, record)) {
                records.add(record);
            }
        });
        return Summary.of(topic, records.stream().map(this::replay).toList());
    }

    private Replay replay(ConsumerRecord<String, byte[]> record) {
        DeadLetter letter = DeadLetter.of(record, false);
        if (letter.eventId() == null) {
            return new Replay(letter.id(), null, ReplayOutcome.NOT_REPLAYABLE, null, null, null);
        }
        ReplayClaims.Claim claim = claims.claim(letter, now(), tenancy.actor());
        return switch (claim.state()) {
            case SENT -> new Replay(letter.id(), letter.eventId(), ReplayOutcome.ALREADY_REPLAYED, claim.replayedTo(),
                    claim.at(), claim.by());
            case SENDING -> new Replay(letter.id(), letter.eventId(), ReplayOutcome.IN_PROGRESS, null, claim.at(),
                    claim.by());
            case CLAIMED -> send(record, letter, claim);
        };
    }

    /** Sends the claimed dead letter, then confirms the claim and audits the replay; gives the claim back unsent. */
    private Replay send(ConsumerRecord<String, byte[]> record, DeadLetter letter, ReplayClaims.Claim claim) {
        RecordMetadata sent;
        try {
            sent = republish(record, letter);
        } catch (RuntimeException failed) {
            try {
                claims.release(letter, claim);
            } catch (RuntimeException notReleased) {
                failed.addSuppressed(notReleased);
            }
            throw failed;
        }
        Instant at = now();
        Replay replay = new Replay(letter.id(), letter.eventId(), ReplayOutcome.REPLAYED,
                sent.topic() + "-" + sent.partition() + "@" + sent.offset(), at, claim.by());
        try {
            transactions.executeWithoutResult(status -> {
                claims.confirm(letter, sent, at);
                audit.record(null, RESOURCE_TYPE, letter.id(), REPLAYED, letter, replay);
            });
        } catch (RuntimeException notConfirmed) {
            log.warn("Replayed dead letter {} (event {}) to {} but could not confirm it: it stays claimed (SENDING);"
                            + " asked again after {} it is sent again, and the consumers apply its event once",
                    letter.id(), letter.eventId(), replay.replayedTo(), ReplayClaims.UNCONFIRMED_AFTER);
            throw notConfirmed;
        }
        log.info("Replayed dead letter {} (event {}, key {}) of consumer group {} to {}", letter.id(),
                letter.eventId(), letter.key(), letter.consumerGroup(), replay.replayedTo());
        return replay;
    }

    /** Now, to the microsecond PostgreSQL keeps: a claim is given back by the time it was made. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private RecordMetadata republish(ConsumerRecord<String, byte[]> record, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS) && !header.key().equals(REPLAYED_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, letter.id().getBytes(StandardCharsets.UTF_8));
        // the key picks the partition, as for the key's other events: per-key order holds if the topic grew since
        ProducerRecord<String, byte[]> republished = new ProducerRecord<>(letter.originalTopic(), null, record.key(),
                record.value(), headers);
        try {
            return kafka.send(republished).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying dead letter " + letter.id(), interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new org.apache.kafka.common.KafkaException("Could not replay dead letter " + letter.id() + " to "
                    + letter.originalTopic() + ": " + failed.getMessage(), failed);
        }
    }

    /** The page's dead letters with when and by whom each was replayed, if it was (or is being). */
    private List<DeadLetter> withReplays(List<DeadLetter> page) {
        Map<String, ReplayClaims.Claim> replays = claims.of(page);
        return page.stream().map(letter -> replays.containsKey(letter.id())
                ? letter.replayed(replays.get(letter.id())) : letter).toList();
    }
}

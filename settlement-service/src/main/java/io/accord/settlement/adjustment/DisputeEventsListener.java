package io.accord.settlement.adjustment;

import io.accord.contracts.Topics;
import io.accord.contracts.events.DisputeResolved;
import io.accord.platform.inbox.Inbox;
import io.accord.platform.inbox.IncomingEvent;
import io.accord.platform.inbox.PoisonMessageException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Takes the adjustments of resolved disputes from {@code dispute.events.v1} through the inbox (each event once) and
 * keeps each as pending for its partner, once per adjustment id (a dispute service re-publishing it adds nothing),
 * then announces it ({@link DisputeAdjustments.Received}) to whatever settles it at once.
 * A resolution that moves no money (a rejection) is only recorded by the inbox. An adjustment that cannot be read
 * (no partner, a malformed amount or direction) is a poison message: it goes to the dead-letter topic.
 */
@Component
class DisputeEventsListener {

    static final String CONSUMER = "settlement.adjustments";

    private static final Logger log = LoggerFactory.getLogger(DisputeEventsListener.class);
    private static final Set<String> DIRECTIONS = Set.of("CREDIT_PARTNER", "DEBIT_PARTNER");

    private final Inbox inbox;
    private final AdjustmentStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DisputeEventsListener(Inbox inbox, AdjustmentStore store, ApplicationEventPublisher events, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.DISPUTE_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.receiveAll(CONSUMER, records, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (!"DisputeResolved".equals(event.type())) {
            log.debug("Ignoring {} event {}", event.type(), event.id());
            return;
        }
        DisputeResolved resolved = event.payload(DisputeResolved.class);
        if (resolved.adjustment() == null) {
            log.info("Dispute {} resolved {} without an adjustment", resolved.disputeId(), resolved.outcome());
            return;
        }
        DisputeResolved.Adjustment adjustment = resolved.adjustment();
        UUID partnerId = partner(event, resolved.partnerId());
        require(event, resolved.disputeId() != null && !resolved.disputeId().isBlank(), "no dispute id");
        require(event, adjustment.adjustmentId() != null && !adjustment.adjustmentId().isBlank(),
                "no adjustment id");
        require(event, adjustment.direction() != null && DIRECTIONS.contains(adjustment.direction()),
                "direction " + adjustment.direction() + " is not CREDIT_PARTNER or DEBIT_PARTNER");
        BigDecimal amount = amount(event, adjustment.amount());
        String currency = currency(event, adjustment.currency());
        List<DisputeAdjustments.Line> lines = lines(event, adjustment, amount);
        boolean added = store.addPending(new AdjustmentStore.NewAdjustment(adjustment.adjustmentId(),
                resolved.disputeId(), partnerId, adjustment.direction(), amount, currency, adjustment.reason(),
                adjustment.periodReference(), adjustment.statementId(), resolved.outcome(), resolved.resolvedAt(),
                blankToNull(resolved.resolvedBy())),
                clock.instant());
        if (added) {
            store.addLines(adjustment.adjustmentId(), lines);
            // synchronous: a note that settles it at once is drafted in this transaction, or nothing is
            events.publishEvent(new DisputeAdjustments.Received(store.find(adjustment.adjustmentId()).orElseThrow()));
        }
        log.info("Dispute {} adjustment {} ({} {} {}) of partner {} {}", resolved.disputeId(),
                adjustment.adjustmentId(), adjustment.direction(), amount.toPlainString(), currency, partnerId,
                added ? "was received" : "was known already");
    }

    /**
     * The statement lines the adjustment is split across: none when the event names none (an old-style dispute); else
     * each names a line of the disputed statement and their shares sum to the amount exactly, or it is poison.
     */
    private static List<DisputeAdjustments.Line> lines(IncomingEvent event, DisputeResolved.Adjustment adjustment,
                                                       BigDecimal amount) {
        if (adjustment.lines() == null || adjustment.lines().isEmpty()) {
            return List.of();
        }
        String statement = adjustment.statementId() == null ? null : adjustment.statementId().strip();
        require(event, statement != null && !statement.isEmpty(), "lines without the statement they belong to");
        List<DisputeAdjustments.Line> lines = new java.util.ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (DisputeResolved.Line line : adjustment.lines()) {
            String id = line == null || line.statementLineId() == null ? null : line.statementLineId().strip();
            require(event, id != null && id.startsWith(statement + "-") && seen.add(id),
                    "line " + id + " is not a line of statement " + statement + " (or is named twice)");
            BigDecimal share = decimal(event, "line " + id + " amount", line.amount());
            require(event, share.signum() >= 0, "line " + id + " amount " + line.amount() + " is negative");
            BigDecimal disputed = line.disputedAmount() == null ? null
                    : decimal(event, "line " + id + " disputedAmount", line.disputedAmount());
            lines.add(new DisputeAdjustments.Line(id, disputed, share));
            sum = sum.add(share);
        }
        require(event, sum.compareTo(amount) == 0, "the lines' amounts sum to " + sum.toPlainString() + ", not "
                + amount.toPlainString());
        return List.copyOf(lines);
    }

    private static BigDecimal decimal(IncomingEvent event, String what, String value) {
        try {
            BigDecimal decimal = new BigDecimal(value);
            require(event, decimal.stripTrailingZeros().scale() <= 6, what + " " + value + " has more than 6 decimals");
            return decimal;
        } catch (NumberFormatException | NullPointerException malformed) {
            throw new PoisonMessageException("DisputeResolved " + event.id() + ": " + what + " '" + value
                    + "' is not a decimal");
        }
    }

    private static String blankToNull(String actor) {
        return actor == null || actor.isBlank() ? null : actor.strip();
    }

    private static UUID partner(IncomingEvent event, String partnerId) {
        try {
            return UUID.fromString(partnerId);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new PoisonMessageException("DisputeResolved " + event.id() + ": partnerId '" + partnerId
                    + "' is not a partner id");
        }
    }

    private static BigDecimal amount(IncomingEvent event, String amount) {
        try {
            BigDecimal value = new BigDecimal(amount);
            require(event, value.signum() > 0 && value.stripTrailingZeros().scale() <= 6,
                    "amount " + amount + " is not a positive decimal with at most 6 decimals");
            return value;
        } catch (NumberFormatException | NullPointerException malformed) {
            throw new PoisonMessageException("DisputeResolved " + event.id() + ": amount '" + amount
                    + "' is not a decimal");
        }
    }

    private static String currency(IncomingEvent event, String currency) {
        try {
            return Currency.getInstance(currency).getCurrencyCode();
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new PoisonMessageException("DisputeResolved " + event.id() + ": currency '" + currency
                    + "' is not ISO 4217");
        }
    }

    private static void require(IncomingEvent event, boolean condition, String problem) {
        if (!condition) {
            throw new PoisonMessageException("DisputeResolved " + event.id() + ": " + problem);
        }
    }
}

package io.accord.contracts;

import java.util.List;

/** Kafka topic names: the one place they are spelled. Every topic has a dead-letter twin. */
public final class Topics {

    public static final String PARTNER_EVENTS = "partner.events.v1";
    public static final String CATALOG_EVENTS = "catalog.events.v1";
    public static final String ORDER_EVENTS = "order.events.v1";
    public static final String USAGE_RAW = "usage.raw.v1";
    public static final String USAGE_RATED = "usage.rated.v1";
    public static final String SETTLEMENT_EVENTS = "settlement.events.v1";
    public static final String DISPUTE_EVENTS = "dispute.events.v1";
    /** Partner-facing: activation requests for partners whose activation mode is EVENT, keyed by partner id. */
    public static final String PARTNER_ACTIVATIONS = "partner.activations.v1";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** Every business topic, without dead-letter topics. */
    public static final List<String> ALL = List.of(
            PARTNER_EVENTS, CATALOG_EVENTS, ORDER_EVENTS, USAGE_RAW, USAGE_RATED, SETTLEMENT_EVENTS, DISPUTE_EVENTS,
            PARTNER_ACTIVATIONS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Every business topic followed by its dead-letter topic. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(topic -> java.util.stream.Stream.of(topic, deadLetter(topic))).toList();
    }
}

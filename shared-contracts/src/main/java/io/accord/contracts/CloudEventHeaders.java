package io.accord.contracts;

/**
 * Names of the CloudEvents 1.0 attributes Accord puts on Kafka records (binary mode). The platform starter writes
 * and reads them through cloudevents-kafka, which maps attribute {@code x} to header {@code ce_x}; these header
 * names are for code that looks at raw records (tests, tooling on the dead-letter topics).
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension attribute carrying the request's correlation id across services. */
    public static final String CORRELATION_ID_EXTENSION = "correlationid";
    public static final String CORRELATION_ID = "ce_" + CORRELATION_ID_EXTENSION;

    /**
     * Extension attribute with the event's per-aggregate sequence number: 1, 2, 3... per Kafka key, in the order the
     * aggregate's changes committed. A consumer applies an event only if its sequence is newer than the one it holds.
     */
    public static final String SEQUENCE_EXTENSION = "sequence";
    public static final String SEQUENCE = "ce_" + SEQUENCE_EXTENSION;

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}

package io.accord.platform.web;

import io.accord.contracts.CorrelationIds;
import org.slf4j.MDC;

/** The request's correlation id: taken from {@code X-Correlation-Id} or made up, kept in the MDC. */
public final class CorrelationId {

    public static final String HEADER = CorrelationIds.HEADER;
    public static final String MDC_KEY = CorrelationIds.LOG_KEY;

    private CorrelationId() {
    }

    /** The current id, or a new one when no request or event set it (the caller should then keep it). */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : newId();
    }

    /** The current id or {@code null}: never invents one. */
    public static String currentOrNull() {
        return MDC.get(MDC_KEY);
    }

    /** The given id when well-formed, else a new one: a caller cannot inject text into our logs. */
    public static String sanitize(String candidate) {
        return CorrelationIds.acceptOrCreate(candidate);
    }

    public static String newId() {
        return CorrelationIds.newId();
    }

    /** Sets the id for the current thread; close the returned scope to restore the previous one. */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, sanitize(id));
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** Restores the previous correlation id on close. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}

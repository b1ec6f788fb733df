package io.accord.platform.problem;

import org.springframework.core.NestedExceptionUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * What a job's owner (a partner) reads of an unexpected error that stopped its job: the kind of error, never its
 * message, which names our statements, tables and classes (a database error's text even quotes the row). The whole
 * error goes to the service's log, under the job's id.
 */
public final class FailureKind {

    private FailureKind() {
    }

    /** E.g. {@code database error, SQL state 23505}, {@code I/O error}, {@code internal error}. */
    public static String of(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        for (Throwable link = failure; link != null; link = link.getCause()) {
            if (link instanceof SQLException sql && sql.getSQLState() != null) {
                return "database error, SQL state " + sql.getSQLState();
            }
        }
        if (failure instanceof UncheckedIOException || cause instanceof IOException) {
            return "I/O error";
        }
        return "internal error";
    }

    /** {@link #of} and where the details are, for a job's failure text. */
    public static String describe(Throwable failure, String service) {
        return of(failure) + " (details in the " + service + " service's log under this job's id)";
    }
}

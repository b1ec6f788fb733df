package io.accord.platform.kafka;

import io.accord.platform.persistence.DatabaseRefusals;
import org.apache.kafka.common.KafkaException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;

/**
 * Tells a batch failure that one of its records may have caused (the database refused a value, the handler's own
 * code failed) from one of the infrastructure (connection lost, lock or serialization conflict, broker), which
 * reading the same records again after a pause cures.
 */
final class RecordFailures {

    private static final int MAX_DEPTH = 32;

    private RecordFailures() {
    }

    /**
     * Whether {@code failure} may come from a record: the first SQL state in its causes is of a data exception (22),
     * an integrity constraint (23) or a program limit (54); or, with no SQL state, nothing in its causes is of the
     * database's connection, a transient data access failure, the transaction manager or Kafka.
     */
    static boolean mayBeRecord(Throwable failure) {
        boolean infrastructure = false;
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return DatabaseRefusals.isRefusal(sql.getSQLState());
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException || cause instanceof TransactionException
                    || cause instanceof KafkaException || cause instanceof SQLException
                    || cause instanceof DatabaseOffsetConsumer.Fenced) {
                infrastructure = true;
            }
        }
        return !infrastructure;
    }
}

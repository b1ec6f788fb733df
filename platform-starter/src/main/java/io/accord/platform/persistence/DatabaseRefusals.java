package io.accord.platform.persistence;

import java.sql.SQLException;

/**
 * Tells a database failure that a value or row of the work caused (the database refused it: a column's limit, a
 * constraint) from one of the database itself (connection lost, lock or serialization conflict, shutting down), which
 * doing the same work again later cures. Batch writers use it to find the records the database refuses, apply the
 * others and keep those aside, instead of failing the whole batch over one record.
 */
public final class DatabaseRefusals {

    /** SQL state classes of a value or row the database refuses: data exception, integrity, program limit. */
    private static final String[] REFUSAL_CLASSES = {"22", "23", "54"};
    private static final int MAX_DEPTH = 32;

    private DatabaseRefusals() {
    }

    /**
     * The first SQL state in {@code failure}'s causes, {@code null} when none of them carries one.
     */
    public static String sqlState(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Whether {@code failure} is the database refusing a value or row: the first SQL state in its causes is of a data
     * exception (22), an integrity constraint (23) or a program limit (54).
     */
    public static boolean isRefusal(Throwable failure) {
        return isRefusal(sqlState(failure));
    }

    /** Whether {@code sqlState} (may be {@code null}) is of a class the database refuses a value or row with. */
    public static boolean isRefusal(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        for (String refusalClass : REFUSAL_CLASSES) {
            if (sqlState.startsWith(refusalClass)) {
                return true;
            }
        }
        return false;
    }
}

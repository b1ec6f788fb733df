package io.accord.platform.persistence;

import java.sql.SQLTransientConnectionException;

/** How to read the connection pool's (HikariCP's) refusal to hand out a connection within its timeout. */
public final class PoolTimeouts {

    private PoolTimeouts() {
    }

    /**
     * Whether the pool gave up because every connection stayed in use, rather than because the database could not
     * be reached: HikariCP's timeout carries the last failure to open a connection as its cause (and next
     * exception) when there was one, and nothing when there was none.
     */
    public static boolean allInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && timeout.getCause() == null
                    && timeout.getNextException() == null) {
                return true;
            }
        }
        return false;
    }
}

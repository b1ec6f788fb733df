package io.accord.platform.persistence;

import io.accord.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * Bounds how long a thread serving an HTTP request waits for one answer from PostgreSQL
 * ({@code accord.platform.request-database-timeout}, default 20 s: below the gateway's 30 s response timeout).
 *
 * <p>A database that stops answering without closing its connections (a network partition, a frozen host) left
 * the JDBC driver reading its socket for ever: under {@code ./accord up} with PostgreSQL stopped by {@code SIGSTOP},
 * a read straight to catalog had no answer after 60 s, and through the gateway orchestration answered 504. Only
 * connections idle long enough to be checked by the pool gave 503 (after the pool's 10 s connection timeout). Now a
 * request's connection gets a network timeout when it is handed out; when it passes, the driver closes the
 * connection with SQLSTATE 08006, the pool drops it, the transaction is not committed and the caller gets the
 * usual 503 with {@code Retry-After} ({@code ProblemExceptionHandler}). The pool resets the timeout when the
 * connection comes back.
 *
 * <p>Only request threads are bounded (a request context is bound to the thread): consumers, relays, scheduled
 * jobs and migrations may run statements longer than any request should, and keep the driver's default (none).
 * Zero turns the bound off.
 *
 * <p>A request thread that finds every connection in use also asks the pool again after the pool's connection
 * timeout, while {@code accord.platform.request-connection-wait} lasts ({@link RequestBoundDataSource}).
 */
final class RequestDatabaseTimeout implements BeanPostProcessor {

    private final ObjectProvider<PlatformProperties> properties;

    RequestDatabaseTimeout(ObjectProvider<PlatformProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof RequestBoundDataSource)) {
            Duration timeout = properties.getObject().requestDatabaseTimeout();
            if (timeout.isNegative()) {
                throw new IllegalStateException("accord.platform.request-database-timeout must not be negative: "
                        + timeout);
            }
            Duration wait = properties.getObject().requestConnectionWait();
            if (wait.isNegative()) {
                throw new IllegalStateException("accord.platform.request-connection-wait must not be negative: "
                        + wait);
            }
            if (!timeout.isZero() || !wait.isZero()) {
                return new RequestBoundDataSource(dataSource, Math.toIntExact(timeout.toMillis()), wait.toNanos());
            }
        }
        return bean;
    }

    /**
     * The pool, handing request threads connections that give up waiting for an answer after the timeout, and
     * letting a request that found every connection in use ask again while its connection wait lasts.
     */
    static final class RequestBoundDataSource extends DelegatingDataSource {

        private final int timeoutMillis;
        private final long waitNanos;

        RequestBoundDataSource(DataSource pool, int timeoutMillis, long waitNanos) {
            super(pool);
            this.timeoutMillis = timeoutMillis;
            this.waitNanos = waitNanos;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return bounded(waited(() -> super.getConnection()));
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return bounded(waited(() -> super.getConnection(username, password)));
        }

        private interface Attempt {
            Connection connect() throws SQLException;
        }

        /**
         * The pool's answer; on a request thread, when the pool gave up because every connection stayed in use (not
         * because the database refused: that fails at once), asked again as long as another attempt as long as the
         * last one still ends within {@code request-connection-wait} of the first.
         *
         * <p>Why: requests run on virtual threads (no thread pool queues them before they ask the pool), so a burst
         * of more requests than the pool serves within its connection timeout (10 s) waits at the pool, and the
         * ones that waited longest got 503. With Tomcat's thread pool they had queued there first, unbounded.
         */
        private Connection waited(Attempt attempt) throws SQLException {
            if (waitNanos == 0 || RequestContextHolder.getRequestAttributes() == null) {
                return attempt.connect();
            }
            long first = System.nanoTime();
            while (true) {
                long started = System.nanoTime();
                try {
                    return attempt.connect();
                } catch (SQLTransientConnectionException timeout) {
                    long now = System.nanoTime();
                    if (!PoolTimeouts.allInUse(timeout) || (now - first) + (now - started) > waitNanos) {
                        throw timeout;
                    }
                }
            }
        }

        /**
         * The pool itself for {@code DataSource}: Spring Boot derives Flyway's data source (a migration user of its
         * own) from the pool's settings, found through this unwrap.
         */
        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type == DataSource.class ? type.cast(obtainTargetDataSource()) : super.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type == DataSource.class || super.isWrapperFor(type);
        }

        private Connection bounded(Connection connection) throws SQLException {
            if (RequestContextHolder.getRequestAttributes() != null) {
                try {
                    connection.setNetworkTimeout(Runnable::run, timeoutMillis);
                } catch (SQLException | RuntimeException failure) {
                    connection.close();
                    throw failure;
                }
            }
            return connection;
        }
    }
}

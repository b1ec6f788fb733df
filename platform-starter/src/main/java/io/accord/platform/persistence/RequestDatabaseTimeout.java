package io.accord.platform.persistence;

import io.accord.platform.PlatformProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
            if (!timeout.isZero()) {
                return new RequestBoundDataSource(dataSource, Math.toIntExact(timeout.toMillis()));
            }
        }
        return bean;
    }

    /** The pool, handing request threads connections that give up waiting for an answer after the timeout. */
    static final class RequestBoundDataSource extends DelegatingDataSource {

        private final int timeoutMillis;

        RequestBoundDataSource(DataSource pool, int timeoutMillis) {
            super(pool);
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return bounded(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return bounded(super.getConnection(username, password));
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

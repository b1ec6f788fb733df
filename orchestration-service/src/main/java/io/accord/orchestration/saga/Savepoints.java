package io.accord.orchestration.saga;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Savepoints of the runner's batch transaction, one per saga, so that one saga's trouble undoes only its own work.
 *
 * <p>The JPA transaction manager offers no savepoints with Hibernate, so they are set on the transaction's JDBC
 * connection directly, and the transaction's synchronizations are told as Spring would tell them
 * ({@link TransactionSynchronization#savepoint}, {@link TransactionSynchronization#savepointRollback}): the audit
 * trail then drops the entries recorded after the savepoint, the transaction-scoped memos forget what they read
 * there. Pending writes (JPA's, and those deferred by synchronizations, {@link TransactionSynchronization#flush})
 * are flushed at the end of each saga's part, so a savepoint never has unwritten changes of an earlier saga behind
 * it, and after a rollback to one the persistence context is cleared (it may hold what the rolled-back part changed).
 */
@Component
class Savepoints {

    private final DataSource dataSource;
    private final EntityManager entityManager;

    Savepoints(DataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /** Writes what the transaction still holds back: JPA's changes, then the synchronizations' deferred writes. */
    void flush(TransactionStatus status) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.flush();
        }
        status.flush();
    }

    /** A savepoint in the current transaction (after {@link #flush}). */
    Savepoint set() {
        try {
            Savepoint savepoint = connection().setSavepoint();
            TransactionSynchronizationManager.getSynchronizations().forEach(each -> each.savepoint(savepoint));
            return savepoint;
        } catch (SQLException failure) {
            throw new IllegalStateException("could not set a savepoint", failure);
        }
    }

    /** Undoes everything since the savepoint, in the database and in what the transaction keeps in memory. */
    void rollbackTo(Savepoint savepoint) {
        TransactionSynchronizationManager.getSynchronizations().forEach(each -> each.savepointRollback(savepoint));
        entityManager.clear();
        try {
            connection().rollback(savepoint);
        } catch (SQLException failure) {
            throw new IllegalStateException("could not roll back to a savepoint", failure);
        }
    }

    /** The transaction's connection (the JPA transaction manager exposes it to plain JDBC); not to be closed. */
    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }
}

package io.accord.platform.persistence;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values read once per transaction: the same read-model row asked for several times while one request is handled
 * (an order's offering, its prices; a partner's activation mode asked by a saga step twice) costs one database round
 * trip instead of several. The memo lives exactly as long as the transaction (dropped after its completion, commit
 * or rollback); outside a transaction with synchronization every call loads afresh. Only for reads whose answer may be
 * the same for the whole transaction: a writer in the same transaction calls {@link #forget} after changing what
 * it caches. Cached values must be immutable (or never changed by their readers). A rollback to a savepoint
 * drops the memo too.
 */
public final class TransactionScoped {

    private static final Object MEMO = new Object() {
        @Override
        public String toString() {
            return "TransactionScoped.memo";
        }
    };

    private TransactionScoped() {
    }

    /**
     * The value for {@code key} in this transaction, from {@code loader} the first time.
     *
     * @param key equal keys share a value: include what distinguishes the reader (e.g. {@code List.of("offering", id)})
     */
    @SuppressWarnings("unchecked")
    public static <V> V get(Object key, Supplier<V> loader) {
        Map<Object, Object> memo = memo();
        if (memo == null) {
            return loader.get();
        }
        if (memo.containsKey(key)) {
            return (V) memo.get(key);
        }
        V value = loader.get();
        memo.put(key, value);
        return value;
    }

    /** Drops everything this transaction remembered (after a write to what was cached). */
    public static void forget() {
        Object memo = TransactionSynchronizationManager.getResource(MEMO);
        if (memo instanceof Map<?, ?> values) {
            values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> memo() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Object bound = TransactionSynchronizationManager.getResource(MEMO);
        if (bound != null) {
            return (Map<Object, Object>) bound;
        }
        Map<Object, Object> memo = new HashMap<>();
        TransactionSynchronizationManager.bindResource(MEMO, memo);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void savepointRollback(Object savepoint) {
                // what was read after the savepoint may have seen changes now undone
                memo.clear();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(MEMO);
            }
        });
        return memo;
    }
}

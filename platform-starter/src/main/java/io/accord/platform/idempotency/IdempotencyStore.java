package io.accord.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * The {@code idempotency_key} table. A key is claimed by an insert committed in its own transaction before the
 * handler runs; the primary key (scope, key) lets only one of two concurrent requests win. Times come from the
 * database clock, so replicas with skewed clocks agree on leases and expiry.
 */
class IdempotencyStore {

    /** What a request finds when it tries to claim its key. */
    sealed interface Claim {
    }

    /** This request runs; only the holder of {@code token} completes or releases the claim. */
    record Won(UUID token) implements Claim {
    }

    record Replay(StoredResponse response) implements Claim {
    }

    /**
     * The first request was carried out, but its answer was too large to keep ({@code max-stored-body-size}):
     * only its status and {@code Location} were stored.
     */
    record NotKept(int status, String location) implements Claim {
    }

    /** The key was used for a different request. */
    record Mismatch() implements Claim {
    }

    /** The first request with this key is still running. */
    record InProgress() implements Claim {
    }

    /**
     * A conflicting row is taken over when it has expired (the key is free again), or when it is the same request
     * whose attempt has held it longer than the lease without completing (that attempt died).
     */
    private static final String CLAIM = """
            insert into idempotency_key as held (scope, key_hash, request_method, request_path, request_hash,
                                                 claim_token, claimed_at, expires_at)
            values (:scope, :key, :method, :target, :hash, :token, clock_timestamp(),
                    clock_timestamp() + :retention * interval '1 millisecond')
            on conflict (scope, key_hash) do update
                set request_method = excluded.request_method, request_path = excluded.request_path,
                    request_hash = excluded.request_hash, claim_token = excluded.claim_token,
                    claimed_at = excluded.claimed_at, expires_at = excluded.expires_at, completed_at = null,
                    response_status = null, response_content_type = null, response_location = null,
                    response_body = null
                where held.expires_at < clock_timestamp()
                   or (held.completed_at is null
                       and held.claimed_at < clock_timestamp() - :lease * interval '1 millisecond'
                       and held.request_method = excluded.request_method
                       and held.request_path = excluded.request_path
                       and held.request_hash = excluded.request_hash)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final IdempotencyProperties properties;

    IdempotencyStore(JdbcClient jdbc, PlatformTransactionManager transactions, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
    }

    Claim claim(String scope, IdempotencyKey key, RequestFingerprint request) {
        UUID token = UUID.randomUUID();
        return ownTransaction.execute(status -> {
            int claimed = jdbc.sql(CLAIM)
                    .param("scope", scope).param("key", key.hash())
                    .param("method", request.method()).param("target", request.target())
                    .param("hash", request.bodyHash()).param("token", token)
                    .param("retention", properties.retention().toMillis())
                    .param("lease", properties.lease().toMillis())
                    .update();
            if (claimed == 1) {
                return new Won(token);
            }
            // the row that refused us may have been released since; the client's retry will then win it
            return jdbc.sql("""
                            select request_method, request_path, request_hash, completed_at, response_status,
                                   response_content_type, response_location, response_body
                            from idempotency_key where scope = :scope and key_hash = :key
                            """)
                    .param("scope", scope).param("key", key.hash())
                    .query((rs, row) -> {
                        if (!request.sameAs(rs.getString("request_method"), rs.getString("request_path"),
                                rs.getString("request_hash"))) {
                            return (Claim) new Mismatch();
                        }
                        if (rs.getTimestamp("completed_at") == null) {
                            return new InProgress();
                        }
                        if (rs.getBytes("response_body") == null) {
                            return new NotKept(rs.getInt("response_status"), rs.getString("response_location"));
                        }
                        return new Replay(new StoredResponse(rs.getInt("response_status"),
                                rs.getString("response_content_type"), rs.getString("response_location"),
                                SealedBody.open(scope, key, rs.getBytes("response_body"))));
                    })
                    .optional().orElseGet(InProgress::new);
        });
    }

    /**
     * Stores the answer, whose body is already {@link SealedBody#seal sealed}; a null body records that the request
     * was carried out but its answer is not kept. False when the claim was taken over meanwhile (this attempt
     * outlived its lease).
     */
    boolean complete(String scope, IdempotencyKey key, UUID token, int status, String contentType, String location,
                     byte[] sealedBody) {
        return Boolean.TRUE.equals(ownTransaction.execute(transaction -> jdbc.sql("""
                        update idempotency_key
                        set completed_at = clock_timestamp(),
                            expires_at = clock_timestamp() + :retention * interval '1 millisecond',
                            response_status = :status, response_content_type = :contentType,
                            response_location = :location, response_body = :body
                        where scope = :scope and key_hash = :key and claim_token = :token
                        """)
                .param("retention", properties.retention().toMillis())
                .param("status", status).param("contentType", contentType).param("location", location)
                .param("body", sealedBody)
                .param("scope", scope).param("key", key.hash()).param("token", token)
                .update() == 1));
    }

    /** Frees the key, so a retry runs the request again. */
    void release(String scope, IdempotencyKey key, UUID token) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        delete from idempotency_key
                        where scope = :scope and key_hash = :key and claim_token = :token
                        """)
                .param("scope", scope).param("key", key.hash()).param("token", token)
                .update());
    }

    /** Deletes up to {@code batch} expired rows; rows another replica is deleting are skipped, not waited for. */
    int deleteExpired(int batch) {
        Integer deleted = ownTransaction.execute(status -> jdbc.sql("""
                        delete from idempotency_key
                        where (scope, key_hash) in (
                            select scope, key_hash from idempotency_key
                            where expires_at < clock_timestamp()
                            order by expires_at
                            limit :batch
                            for update skip locked)
                        """)
                .param("batch", batch)
                .update());
        return deleted == null ? 0 : deleted;
    }
}

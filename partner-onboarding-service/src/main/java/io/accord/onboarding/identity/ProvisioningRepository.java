package io.accord.onboarding.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ProvisioningRepository extends JpaRepository<Provisioning, UUID> {

    /**
     * Locks the oldest due row that no other transaction holds, a row that never failed before any that did. Another
     * replica's worker skips it rather than waiting, so each row is worked by one worker at a time and replicas share
     * the backlog. A worker stops at its first failure, so rows that keep failing (a conflict in Keycloak that ops
     * must resolve) would otherwise, once overdue, be taken first at every poll and keep new partners waiting.
     * Rows in NEEDS_ATTENTION wait for staff: a retry cannot heal them (its condition matches the partial index).
     */
    @Query(value = """
            select * from identity_provisioning
            where state not in ('DONE', 'REVOKED', 'NEEDS_ATTENTION', 'ERASED') and next_attempt_at <= :now
            order by attempts > 0, next_attempt_at, partner_id
            limit 1
            for update skip locked
            """, nativeQuery = true)
    Optional<Provisioning> claimDue(Instant now);

    /** The partners whose admin has this e-mail address (lower case, as stored), oldest first. */
    List<Provisioning> findByAdminEmailOrderByCreatedAt(String adminEmail);

    /** Locks the row, waiting for the worker if it holds it: changes to one partner's users take turns. */
    @Query(value = "select * from identity_provisioning where partner_id = :partnerId for update",
            nativeQuery = true)
    Optional<Provisioning> lock(UUID partnerId);

    /** Locks the row unless the worker holds it right now (then empty, like a missing row). */
    @Query(value = "select * from identity_provisioning where partner_id = :partnerId for update skip locked",
            nativeQuery = true)
    Optional<Provisioning> lockIfFree(UUID partnerId);

    /**
     * Makes changes to the users of a partner that has no row here (its users carry the partner_id attribute
     * themselves) take turns, until the transaction ends.
     */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked",
            nativeQuery = true)
    Integer lockUsersOf(String key);
}

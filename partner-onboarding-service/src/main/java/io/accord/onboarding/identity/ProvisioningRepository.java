package io.accord.onboarding.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface ProvisioningRepository extends JpaRepository<Provisioning, UUID> {

    /**
     * Locks the oldest due row that no other transaction holds. Another replica's worker skips it rather than
     * waiting, so each row is worked by one worker at a time and replicas share the backlog.
     */
    @Query(value = """
            select * from identity_provisioning
            where state <> 'DONE' and next_attempt_at <= :now
            order by next_attempt_at, partner_id
            limit 1
            for update skip locked
            """, nativeQuery = true)
    Optional<Provisioning> claimDue(Instant now);

    /** Locks the row unless the worker holds it right now (then empty, like a missing row). */
    @Query(value = "select * from identity_provisioning where partner_id = :partnerId for update skip locked",
            nativeQuery = true)
    Optional<Provisioning> lockIfFree(UUID partnerId);
}

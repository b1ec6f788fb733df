package io.accord.onboarding.agreement;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface AgreementHistoryRepository extends JpaRepository<AgreementHistory, UUID> {

    /** The partner's history, its row locked until the transaction ends: changes to one partner run one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from AgreementHistory h where h.partnerId = :partnerId")
    Optional<AgreementHistory> lock(UUID partnerId);

    /** Creates the partner's (empty) history unless it exists; two first versions racing both end up locking it. */
    @Modifying
    @Query(value = "insert into agreement_history (partner_id, created_at) values (:partnerId, :now)"
            + " on conflict (partner_id) do nothing", nativeQuery = true)
    void createIfAbsent(UUID partnerId, Instant now);
}

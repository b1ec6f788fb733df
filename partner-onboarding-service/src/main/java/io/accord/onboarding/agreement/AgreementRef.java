package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;

import java.time.Instant;

/**
 * One version of a partner's agreement as other features see it.
 *
 * @param inForceFrom  when it came (or comes) into force; {@code null} if it never has
 * @param inForceUntil when it stops being in force; {@code null} while open-ended
 */
public record AgreementRef(AgreementId id, PartnerId partnerId, int version, BusinessModel businessModel,
                           AgreementStatus status, Instant inForceFrom, Instant inForceUntil) {
}

package io.accord.platform.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner as a service knows it from {@code partner.events.v1}.
 *
 * @param status    the lifecycle status onboarding announced: {@code ACTIVE}, {@code SUSPENDED}, {@code TERMINATED}
 * @param updatedAt when that status became true (the event's time)
 */
public record PartnerStatus(UUID id, String legalName, String status, Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}

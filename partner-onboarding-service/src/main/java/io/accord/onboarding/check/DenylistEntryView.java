package io.accord.onboarding.check;

import java.time.Instant;
import java.util.UUID;

/** A denylist entry as the admin API shows it. */
record DenylistEntryView(UUID id, String href, String name, String normalisedName, String reason, String createdBy,
                         Instant createdAt) {

    static DenylistEntryView of(DenylistedName entry) {
        return new DenylistEntryView(entry.id(), DenylistController.PATH + "/" + entry.id(), entry.name(),
                entry.normalisedName(), entry.reason(), entry.createdBy(), entry.createdAt());
    }
}

package io.accord.onboarding.partner;

import java.time.Instant;
import java.util.UUID;

/**
 * New bank details waiting for confirmation. A confirmation names the change by its id, which is new with every
 * request, so it can only confirm what its author reviewed.
 */
record BankAccountChange(UUID id, BankAccount account, String requestedBy, Instant requestedAt) {
}

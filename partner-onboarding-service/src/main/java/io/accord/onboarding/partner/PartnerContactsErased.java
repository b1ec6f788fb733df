package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;

import java.time.Instant;

/**
 * In-process event, published in the transaction that erased a TERMINATED partner's contacts (on a platform admin's
 * request or by the retention job): the features that keep more personal data about the partner's people (its
 * Keycloak users, its application) erase theirs in the same transaction or record that they must. Never on Kafka.
 */
public record PartnerContactsErased(PartnerId partnerId, Instant erasedAt) {
}

package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;

import java.util.Optional;

/**
 * Implemented by features that keep records about a partner (agreements, documents): a partner they refer to
 * cannot be deleted, only terminated, so that its history stays whole.
 */
public interface PartnerReferences {

    /** Why the partner cannot be deleted (e.g. "it has 2 agreement versions"), or empty if nothing refers to it. */
    Optional<String> blockingDeletion(PartnerId partner);
}

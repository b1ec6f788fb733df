package io.accord.catalog.offering;

import java.util.List;
import java.util.UUID;

/**
 * What {@link Offerings#upsertAll} did with one draft.
 *
 * @param externalId the draft's external id (as given, possibly blank for an invalid draft)
 * @param result     what happened
 * @param offeringId the offering the draft created or matched; {@code null} when {@code INVALID} and not matched,
 *                   and for {@code CREATED} in a dry run (nothing was created)
 * @param errors     field-level problems, only for {@code INVALID}
 */
public record ImportOutcome(String externalId, Result result, UUID offeringId, List<FieldError> errors) {

    public ImportOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public enum Result {
        /** A new draft offering. */
        CREATED,
        /** An existing offering that was not launched yet changed (and stays or returns to DRAFT). */
        UPDATED,
        /** A launched offering's definition changed: a new version waits for review. */
        NEW_VERSION,
        /** Only a launched offering's prices changed: new price versions wait for review. */
        NEW_PRICE_VERSION,
        /** Identical to what the catalog holds: nothing was written, not even a timestamp or audit entry. */
        UNCHANGED,
        /** Refused with {@link #errors}; nothing of this draft was written. */
        INVALID
    }

    /** A problem with one field of the draft, e.g. {@code prices[0].tiers[1].from}. */
    public record FieldError(String field, String message) {
    }

    public boolean isInvalid() {
        return result == Result.INVALID;
    }
}

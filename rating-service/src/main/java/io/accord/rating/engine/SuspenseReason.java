package io.accord.rating.engine;

/** Why a usage record cannot be rated (yet); ops fix the cause and recycle it. */
public enum SuspenseReason {
    /** No product instance of the subscriber is in force at the usage time (or the named one is not). */
    NO_PRODUCT_INSTANCE,
    /** The product's offering has no price for the usage type in force at the usage time. */
    NO_PRICE,
    /** A partner involved has no agreement in force at the usage time, or it lacks the needed rule or rate. */
    NO_AGREEMENT,
    /** Several product instances fit and the record does not say which. */
    AMBIGUOUS_PRODUCT,
    /** The record itself is incomplete or impossible (missing field, negative quantity, unit of another kind). */
    INVALID,
    /** Older than the duplicate-detection window, so it can no longer be told from a duplicate. */
    TOO_OLD
}

package io.accord.onboarding.document;

/** Who a document belongs to: a partner, or an application before its partner exists. */
public enum OwnerType {
    PARTNER, APPLICATION
}

package io.accord.dispute.dispute;

/** What a dispute contests. */
enum Category {
    RATE, USAGE_VOLUME, MISSING_USAGE, DUPLICATE_USAGE, TAX, MINIMUM_GUARANTEE, OTHER
}

package io.accord.orchestration.inventory;

/**
 * Where an inventory item is in its cycle: AVAILABLE → RESERVED (with an expiry) → ALLOCATED (to a product
 * instance) → QUARANTINED (cooling-off after release) → AVAILABLE again.
 */
enum ItemState {
    AVAILABLE, RESERVED, ALLOCATED, QUARANTINED
}

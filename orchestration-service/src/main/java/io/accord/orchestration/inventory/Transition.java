package io.accord.orchestration.inventory;

/** One state change of an item, as its history records it. */
record Transition(ItemState from, ItemState to, String action, String reference) {
}

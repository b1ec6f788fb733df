package io.accord.catalog.offering;

import org.springframework.stereotype.Component;

import java.time.Instant;

/** The lifecycle transitions with their side effects (prices, events, audit), for every path that changes one. */
@Component
class OfferingLifecycle {

    /** A launched offering changed: the change waits for review. */
    void propose(ProductOffering offering, ProductOffering.Change change, String definition, Instant now) {
        offering.propose(change, definition, now);
    }
}

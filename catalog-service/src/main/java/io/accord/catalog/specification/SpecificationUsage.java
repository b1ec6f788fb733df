package io.accord.catalog.specification;

import java.util.Optional;
import java.util.UUID;

/**
 * Another feature's use of a specification (the offerings built on it). A used specification is neither changed
 * through the TMF API nor deleted: each offering keeps a copy of its specification in its definition, so a change
 * goes through the offering (and, once it is launched, through review).
 */
public interface SpecificationUsage {

    /** Why the specification is in use (e.g. "2 product offerings use it, 1 of them launched"), or empty. */
    Optional<String> usage(UUID specificationId);
}

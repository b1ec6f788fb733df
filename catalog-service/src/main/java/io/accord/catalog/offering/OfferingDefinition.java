package io.accord.catalog.offering;

import java.util.List;
import java.util.UUID;

/**
 * A validated, normalized draft with what it resolved to: the ids its category, specification and components have,
 * and its canonical JSON (equal JSON means equal content).
 */
record OfferingDefinition(OfferingDraft draft, String json, UUID categoryId, UUID specificationId,
                          List<UUID> componentIds) {
}

package io.accord.catalog.category;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The tree rule: a category never ends up below itself. Pure logic; the caller looks parents up. */
final class CategoryTree {

    private CategoryTree() {
    }

    /**
     * Whether putting {@code moving} under {@code newParent} would close a loop: the new parent is the category
     * itself or one of its descendants (so {@code moving} is among the new parent's ancestors).
     *
     * @param parentOf the current parent of a category (empty for a root)
     */
    static boolean wouldCreateCycle(UUID moving, UUID newParent, Function<UUID, Optional<UUID>> parentOf) {
        Set<UUID> seen = new HashSet<>();
        for (UUID ancestor = newParent; ancestor != null; ancestor = parentOf.apply(ancestor).orElse(null)) {
            // a loop already in the data must not hang the request: treat it as a cycle too
            if (ancestor.equals(moving) || !seen.add(ancestor)) {
                return true;
            }
        }
        return false;
    }
}

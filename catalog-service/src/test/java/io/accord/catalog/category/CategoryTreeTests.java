package io.accord.catalog.category;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTests {

    private final Map<UUID, UUID> parents = new HashMap<>();
    private final UUID root = UUID.randomUUID();
    private final UUID child = under(root);
    private final UUID grandchild = under(child);
    private final UUID sibling = under(root);

    @Test
    void aCategoryCannotMoveUnderItselfOrAnyDescendant() {
        assertThat(wouldCycle(root, root)).isTrue();
        assertThat(wouldCycle(root, child)).isTrue();
        assertThat(wouldCycle(root, grandchild)).isTrue();
        assertThat(wouldCycle(child, grandchild)).isTrue();
    }

    @Test
    void movingUnderASiblingAnAncestorOrAnotherTreeIsFine() {
        UUID otherRoot = UUID.randomUUID();

        assertThat(wouldCycle(child, sibling)).isFalse();
        assertThat(wouldCycle(grandchild, root)).isFalse();
        assertThat(wouldCycle(grandchild, sibling)).isFalse();
        assertThat(wouldCycle(root, otherRoot)).isFalse();
    }

    @Test
    void aLoopAlreadyInTheDataIsReportedInsteadOfWalkedForever() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        parents.put(a, b);
        parents.put(b, a);

        assertThat(wouldCycle(root, a)).isTrue();
    }

    private boolean wouldCycle(UUID moving, UUID newParent) {
        return CategoryTree.wouldCreateCycle(moving, newParent, id -> Optional.ofNullable(parents.get(id)));
    }

    private UUID under(UUID parent) {
        UUID id = UUID.randomUUID();
        parents.put(id, parent);
        return id;
    }
}

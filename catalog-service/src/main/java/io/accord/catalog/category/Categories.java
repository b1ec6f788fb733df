package io.accord.catalog.category;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What other catalog features may ask about categories. */
@Component
public class Categories {

    private final CategoryRepository categories;

    Categories(CategoryRepository categories) {
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public Optional<CategoryRef> find(UUID id) {
        return categories.findById(id).map(Category::ref);
    }

    /** By the code revenue-share rules use, e.g. {@code VIDEO}. */
    @Transactional(readOnly = true)
    public Optional<CategoryRef> findByCode(String code) {
        return code == null ? Optional.empty() : categories.findByCode(code).map(Category::ref);
    }

    /**
     * Whether the category is launched, i.e. new offerings may be filed in it (its parents are then launched too).
     * False for an unknown code.
     */
    @Transactional(readOnly = true)
    public boolean isLaunched(String code) {
        return code != null && categories.findByCode(code)
                .map(category -> category.status() == CategoryStatus.LAUNCHED).orElse(false);
    }

    /**
     * The category and its ancestors, nearest first, up to its root ({@code VIDEO_SVOD}, {@code VIDEO}): a
     * revenue-share rule naming a category applies to the categories below it unless a nearer one is named.
     * Empty for an unknown code.
     */
    @Transactional(readOnly = true)
    public List<CategoryRef> lineage(String code) {
        List<CategoryRef> lineage = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        Optional<Category> next = code == null ? Optional.empty() : categories.findByCode(code);
        while (next.isPresent() && seen.add(next.get().id())) {
            lineage.add(next.get().ref());
            UUID parent = next.get().parentId();
            next = parent == null ? Optional.empty() : categories.findById(parent);
        }
        return List.copyOf(lineage);
    }
}

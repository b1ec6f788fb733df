package io.accord.catalog.category;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
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
}

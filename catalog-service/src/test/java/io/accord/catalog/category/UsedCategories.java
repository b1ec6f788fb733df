package io.accord.catalog.category;

import org.springframework.stereotype.Component;

import java.util.Optional;

/** A stand-in for the offerings that will use categories: it reports every category coded {@code IN_USE_…} as used. */
@Component
class UsedCategories implements CategoryUsage {

    static final String PREFIX = "IN_USE_";

    @Override
    public Optional<String> usage(CategoryRef category) {
        return category.code().startsWith(PREFIX) ? Optional.of("test offerings are filed in it") : Optional.empty();
    }
}

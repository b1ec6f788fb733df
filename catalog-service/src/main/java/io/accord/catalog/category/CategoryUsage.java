package io.accord.catalog.category;

import java.util.Optional;

/**
 * Another feature's use of a category, e.g. the offerings in it. A feature that refers to categories registers a
 * bean implementing this; a category any of them reports as used cannot be deleted (409 with the reason).
 */
public interface CategoryUsage {

    /**
     * Why {@code category} is in use (e.g. "3 product offerings are in it"), or empty when this feature does not
     * use it. Called inside the deleting transaction, with the category tree locked against other changes.
     */
    Optional<String> usage(CategoryRef category);
}

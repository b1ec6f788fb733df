package io.accord.catalog.offering;

import io.accord.catalog.category.CategoryRef;
import io.accord.catalog.category.CategoryUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Offerings use the category they are filed in, whatever their status (a retired offering's history and export
 * still name it), and so do revisions waiting for review. A used category cannot be deleted: it is retired instead.
 * Specifications are not filed in categories, so they never use one.
 */
@Component
class OfferingCategoryUsage implements CategoryUsage {

    private final JdbcClient jdbc;

    OfferingCategoryUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> usage(CategoryRef category) {
        long count = jdbc.sql("""
                        select count(*) from product_offering
                        where category_id = :id or category_code = :code
                           or (pending_definition is not null
                               and cast(pending_definition as jsonb) ->> 'categoryCode' = :code)
                        """)
                .param("id", category.id()).param("code", category.code()).query(Long.class).single();
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(count == 1 ? "1 product offering is filed in it"
                : count + " product offerings are filed in it");
    }
}

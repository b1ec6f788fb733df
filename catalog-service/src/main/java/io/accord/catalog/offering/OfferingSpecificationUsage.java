package io.accord.catalog.offering;

import io.accord.catalog.specification.SpecificationUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Offerings in any status use their specification: their definitions hold a copy of it. */
@Component
class OfferingSpecificationUsage implements SpecificationUsage {

    private final JdbcClient jdbc;

    OfferingSpecificationUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> usage(UUID specificationId) {
        record Use(long all, long launched) {
        }
        Use use = jdbc.sql("""
                        select count(*) as all_uses,
                               count(*) filter (where status in ('LAUNCHED', 'APPROVED', 'IN_REVIEW')) as launched
                        from product_offering where specification_id = :id""")
                .param("id", specificationId)
                .query((rs, row) -> new Use(rs.getLong("all_uses"), rs.getLong("launched"))).single();
        if (use.all() == 0) {
            return Optional.empty();
        }
        return Optional.of((use.all() == 1 ? "1 product offering uses it" : use.all() + " product offerings use it")
                + (use.launched() > 0 ? " (" + use.launched() + " launched or in review)" : "")
                + "; change it through its offerings");
    }
}

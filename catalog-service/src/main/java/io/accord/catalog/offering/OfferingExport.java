package io.accord.catalog.offering;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.function.Consumer;

/** Streams stored definitions with a database cursor (fetch size), so an export of any size fits the heap. */
@Component
class OfferingExport {

    private static final String SELECT = "select coalesce(pending_definition, definition) from product_offering ";
    private static final String ORDER = " order by is_bundle, created_at, id";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    OfferingExport(DataSource dataSource, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500);
        this.json = json;
    }

    /** Needs the caller's (read-only) transaction: PostgreSQL only streams with a cursor inside one. */
    void exportAll(Owner owner, Consumer<OfferingDraft> sink) {
        if (owner == null) {
            jdbc.query(SELECT + ORDER, row -> {
                sink.accept(json.readValue(row.getString(1), OfferingDraft.class));
            });
        } else {
            jdbc.query(SELECT + "where owner_key = ?" + ORDER, row -> {
                sink.accept(json.readValue(row.getString(1), OfferingDraft.class));
            }, owner.key());
        }
    }
}

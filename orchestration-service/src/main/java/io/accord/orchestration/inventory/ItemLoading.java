package io.accord.orchestration.inventory;

import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads items into a pool from a CSV file or a generated range, all or nothing: one transaction, values inserted
 * a chunk at a time with one statement each ({@code unnest} of an array), never row by row.
 */
@Service
class ItemLoading {

    private static final int CHUNK = 10_000;

    private final PoolService pools;
    private final JdbcClient jdbc;
    private final LowWatermark watermark;
    private final AuditTrail audit;
    private final InventoryProperties properties;
    private final Clock clock;

    ItemLoading(PoolService pools, JdbcClient jdbc, LowWatermark watermark, AuditTrail audit,
                InventoryProperties properties, Clock clock) {
        this.pools = pools;
        this.jdbc = jdbc;
        this.watermark = watermark;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    InventoryResources.LoadReport importCsv(String poolId, String fileName, String content) {
        InventoryPool pool = pools.find(poolId);
        CsvItems.Parsed parsed = CsvItems.parse(content, pool.resourceType(), properties.maxImportRows());
        List<CsvItems.Problem> problems = new ArrayList<>(parsed.problems());
        List<String> values = parsed.rows().stream().map(CsvItems.Row::value).toList();
        // a value already in this pool is what a re-run of the same file finds: unchanged, not a problem
        Set<String> inPool = new HashSet<>();
        if (problems.isEmpty()) {
            Map<String, UUID> existing = existingPools(pool.resourceType(), values);
            for (CsvItems.Row row : parsed.rows()) {
                UUID holder = existing.get(row.value());
                if (pool.id().equals(holder)) {
                    inPool.add(row.value());
                } else if (holder != null) {
                    problems.add(new CsvItems.Problem(row.row(), CsvItems.VALUE, "'" + row.value()
                            + "' is already in the " + pool.resourceType() + " inventory, in another pool"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ItemRowsException("The file has " + problems.size() + " problem(s); nothing was imported.",
                    problems);
        }
        List<String> added = values.stream().filter(value -> !inPool.contains(value)).toList();
        if (!added.isEmpty()) {
            insert(pool, added);
        }
        audit.record(pool.owner(), "inventoryPool", pool.id().toString(), "itemsImported", null,
                Map.of("file", fileName == null ? "" : fileName, "items", added.size(), "unchanged", inPool.size()));
        List<InventoryResources.RowResult> rows = parsed.rows().stream()
                .map(row -> new InventoryResources.RowResult(row.row(), row.value(),
                        inPool.contains(row.value()) ? "UNCHANGED" : "IMPORTED")).toList();
        return new InventoryResources.LoadReport(pool.id().toString(), "csv", added.size(), rows);
    }

    @Transactional
    InventoryResources.LoadReport generate(String poolId, InventoryResources.GenerateRange request) {
        InventoryPool pool = pools.find(poolId);
        NumberRange range = NumberRange.of(pool.resourceType(), request.from(), request.to(),
                properties.maxRangeSize());
        String first = null;
        String last = null;
        for (long offset = 0; offset < range.size(); offset += CHUNK) {
            List<String> values = range.values(offset, CHUNK);
            List<String> existing = existing(pool.resourceType(), values);
            if (!existing.isEmpty()) {
                throw new ConflictException("The range overlaps the " + pool.resourceType() + " inventory: "
                        + existing.stream().limit(5).toList() + (existing.size() > 5 ? " and more" : "")
                        + " already exist; nothing was generated");
            }
            insert(pool, values);
            first = first == null ? values.getFirst() : first;
            last = values.getLast();
        }
        audit.record(pool.owner(), "inventoryPool", pool.id().toString(), "rangeGenerated", null,
                Map.of("from", request.from(), "to", request.to(), "items", range.size()));
        return new InventoryResources.LoadReport(pool.id().toString(), "range", range.size(), List.of(
                new InventoryResources.RowResult(1, first, "GENERATED"),
                new InventoryResources.RowResult(range.size(), last, "GENERATED")));
    }

    private List<String> existing(ResourceType type, List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select value from inventory_item where resource_type = :type and value = any(:values)")
                .param("type", type.name()).param("values", values.toArray(String[]::new))
                .query(String.class).list();
    }

    /** The pool of each of the values that the inventory of the type already has. */
    private Map<String, UUID> existingPools(ResourceType type, List<String> values) {
        Map<String, UUID> pools = new HashMap<>();
        jdbc.sql("select value, pool_id from inventory_item where resource_type = :type and value = any(:values)")
                .param("type", type.name()).param("values", values.toArray(String[]::new))
                .query((rs, row) -> pools.put(rs.getString("value"), rs.getObject("pool_id", UUID.class))).list();
        return pools;
    }

    private void insert(InventoryPool pool, List<String> values) {
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                            insert into inventory_item (id, pool_id, resource_type, value, state, updated_at, version)
                            select gen_random_uuid(), :pool, :type, v, 'AVAILABLE', :now, 0 from unnest(:values) v""")
                    .param("pool", pool.id()).param("type", pool.resourceType().name())
                    .param("now", Timestamp.from(now)).param("values", values.toArray(String[]::new))
                    .update();
        } catch (DataIntegrityViolationException concurrent) {
            throw new ConflictException("Some of these values were added to the " + pool.resourceType()
                    + " inventory meanwhile; nothing was loaded: try again");
        }
        watermark.afterAdding(pool);
    }
}

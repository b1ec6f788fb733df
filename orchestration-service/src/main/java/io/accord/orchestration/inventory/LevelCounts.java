package io.accord.orchestration.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Counts items per state, for one pool, a page of pools or the pools of a resource type. */
@Component
class LevelCounts {

    private final JdbcClient jdbc;

    LevelCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Levels of(UUID pool) {
        return ofPools(List.of(pool)).getOrDefault(pool, Levels.EMPTY);
    }

    /** Levels per pool id; a pool without items is absent (its levels are {@link Levels#EMPTY}). */
    Map<UUID, Levels> ofPools(Collection<UUID> pools) {
        if (pools.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql("""
                        select pool_id, state, count(*) as items from inventory_item
                        where pool_id in (:pools) group by pool_id, state""")
                .param("pools", pools)
                .query(row -> {
                    counts.computeIfAbsent(row.getObject("pool_id", UUID.class), id -> new HashMap<>())
                            .put(row.getString("state"), row.getLong("items"));
                });
        Map<UUID, Levels> levels = new HashMap<>();
        counts.forEach((pool, byState) -> levels.put(pool, Levels.of(byState)));
        return levels;
    }

    /** Levels per resource type code over the given pools (all pools when {@code pools} is {@code null}). */
    Map<String, Levels> byType(Collection<UUID> pools) {
        if (pools != null && pools.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Long>> counts = new HashMap<>();
        String where = pools == null ? "" : " where pool_id in (:pools)";
        var statement = jdbc.sql("select resource_type, state, count(*) as items from inventory_item" + where
                + " group by resource_type, state");
        if (pools != null) {
            statement = statement.param("pools", pools);
        }
        statement.query(row -> {
            counts.computeIfAbsent(row.getString("resource_type"), type -> new HashMap<>())
                    .put(row.getString("state"), row.getLong("items"));
        });
        Map<String, Levels> levels = new HashMap<>();
        counts.forEach((type, byState) -> levels.put(type, Levels.of(byState)));
        return levels;
    }
}

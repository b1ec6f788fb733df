package io.accord.orchestration.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the inventory feature, under {@code accord.orchestration.inventory}.
 *
 * @param coolingOff    how long a released item stays QUARANTINED per resource type code (e.g. {@code MSISDN: 90d},
 *                      so a number is not handed to a new subscriber while callers still dial the old one); a type
 *                      not named has none and is AVAILABLE again at the job's next round
 * @param maxRangeSize  the most values one range generation may create
 * @param maxImportRows the most rows one CSV file may hold
 * @param jobInterval   how often the job expires reservations, ends cooling-offs and checks watermarks
 * @param jobBatchSize  items the job moves per kind and round (each in its own transaction); the next round takes
 *                      the rest
 */
@ConfigurationProperties("accord.orchestration.inventory")
record InventoryProperties(
        Map<String, Duration> coolingOff,
        @DefaultValue("100000") int maxRangeSize,
        @DefaultValue("10000") int maxImportRows,
        @DefaultValue("30s") Duration jobInterval,
        @DefaultValue("500") int jobBatchSize) {

    InventoryProperties {
        coolingOff = coolingOff == null ? Map.of() : Map.copyOf(coolingOff);
        for (String code : coolingOff.keySet()) {
            ResourceType.of("accord.orchestration.inventory.cooling-off", code);
        }
    }

    Duration coolingOff(ResourceType type) {
        return coolingOff.getOrDefault(type.name(), Duration.ZERO);
    }
}

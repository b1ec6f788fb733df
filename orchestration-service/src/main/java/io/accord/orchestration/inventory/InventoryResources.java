package io.accord.orchestration.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The inventory API's requests and answers (plain resources: TMF has no API for number pools). */
final class InventoryResources {

    static final String BASE = "/api/orchestration/inventory";
    static final String POOLS = BASE + "/pools";
    static final String LEVELS = BASE + "/levels";

    private InventoryResources() {
    }

    /**
     * @param partnerId    the owning partner; leave out for a CSP pool serving every partner
     * @param lowWatermark raise {@code InventoryLowWatermarkReached} when available items fall to this; 0 or
     *                     absent: never
     */
    record CreatePool(@NotBlank @Size(max = 200) String name,
                      @NotBlank String resourceType,
                      UUID partnerId,
                      @PositiveOrZero @Max(100_000_000) Integer lowWatermark) {
    }

    record ChangeLowWatermark(@NotNull @PositiveOrZero @Max(100_000_000) Integer lowWatermark) {
    }

    /** Numbers from {@code from} to {@code to} inclusive; ICCIDs without their check digit (it is appended). */
    record GenerateRange(@NotBlank @Size(max = 30) String from, @NotBlank @Size(max = 30) String to) {
    }

    /** @param until for a quarantine: when it ends (default: now + the type's cooling-off) */
    record ItemAction(@NotBlank @Size(max = 200) String reason, Instant until) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PoolView(String id, String href, String name, String resourceType, String partnerId, int lowWatermark,
                    boolean lowWatermarkReached, Levels levels, Instant createdAt) {

        static PoolView of(InventoryPool pool, Levels levels) {
            return new PoolView(pool.id().toString(), POOLS + "/" + pool.id(), pool.name(),
                    pool.resourceType().name(), pool.owner() == null ? null : pool.owner().value().toString(),
                    pool.lowWatermark(), pool.lowWatermark() > 0 && !pool.lowWatermarkArmed(), levels,
                    pool.createdAt());
        }
    }

    record TypeLevels(String resourceType, Levels levels) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InventoryItemView")
    record ItemView(String id, String href, String poolId, String resourceType, String value, String state,
                    String reservationId, String orderRef, Instant reservedUntil, String productInstanceRef,
                    Instant quarantinedUntil, Instant updatedAt, List<ItemHistory.Entry> history) {

        static ItemView of(InventoryItem item, List<ItemHistory.Entry> history) {
            return new ItemView(item.id().toString(), POOLS + "/" + item.poolId() + "/items/" + item.id(),
                    item.poolId().toString(), item.resourceType().name(), item.value(), item.state().name(),
                    item.reservationId() == null ? null : item.reservationId().toString(), item.orderRef(),
                    item.reservedUntil(), item.productInstanceRef(), item.quarantinedUntil(), item.updatedAt(),
                    history);
        }
    }

    /** What a CSV import or a range generation loaded: every row's result (a range's first and last values). */
    record LoadReport(String poolId, String source, long loaded, List<RowResult> rows) {
    }

    record RowResult(long row, String value, String result) {
    }
}

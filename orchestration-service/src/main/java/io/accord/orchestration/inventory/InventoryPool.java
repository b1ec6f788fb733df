package io.accord.orchestration.inventory;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A pool of resources of one type. A partner's pool serves only that partner's orders; a CSP pool (no partner)
 * serves every order. Its low watermark (0: none) raises {@code InventoryLowWatermarkReached} once per crossing.
 */
@Entity
@Table(name = "inventory_pool")
class InventoryPool {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ResourceType resourceType;
    private UUID partnerId;
    private int lowWatermark;
    private boolean lowWatermarkArmed;
    private Instant createdAt;
    @Version
    private long version;

    protected InventoryPool() {
    }

    /** A pool as a row holds it, read by {@link ItemRows} (not managed by JPA). */
    static InventoryPool fromRow(java.sql.ResultSet row) throws java.sql.SQLException {
        InventoryPool pool = new InventoryPool();
        pool.id = row.getObject("id", UUID.class);
        pool.name = row.getString("name");
        pool.resourceType = ResourceType.valueOf(row.getString("resource_type"));
        pool.partnerId = row.getObject("partner_id", UUID.class);
        pool.lowWatermark = row.getInt("low_watermark");
        pool.lowWatermarkArmed = row.getBoolean("low_watermark_armed");
        pool.createdAt = row.getTimestamp("created_at").toInstant();
        pool.version = row.getLong("version");
        return pool;
    }

    static InventoryPool create(String name, ResourceType type, PartnerId owner, int lowWatermark, Instant now) {
        InventoryPool pool = new InventoryPool();
        pool.id = UUID.randomUUID();
        pool.name = name;
        pool.resourceType = type;
        pool.partnerId = owner == null ? null : owner.value();
        pool.changeLowWatermark(lowWatermark);
        pool.createdAt = now;
        return pool;
    }

    /** A new watermark re-arms the pool: the job raises the event if the pool is already at or below it. */
    void changeLowWatermark(int lowWatermark) {
        if (lowWatermark < 0) {
            throw new InvalidInputException("lowWatermark", "must be 0 (no watermark) or more");
        }
        this.lowWatermark = lowWatermark;
        this.lowWatermarkArmed = true;
    }

    /** Whether this pool may serve an order of {@code partner} ({@code null}: an order of the CSP itself). */
    boolean serves(PartnerId partner) {
        return partnerId == null || (partner != null && partnerId.equals(partner.value()));
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    ResourceType resourceType() {
        return resourceType;
    }

    /** The owning partner, or {@code null} for a CSP pool. */
    PartnerId owner() {
        return partnerId == null ? null : new PartnerId(partnerId);
    }

    int lowWatermark() {
        return lowWatermark;
    }

    boolean lowWatermarkArmed() {
        return lowWatermarkArmed;
    }

    Instant createdAt() {
        return createdAt;
    }
}

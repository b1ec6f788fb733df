package io.accord.catalog.price;

import io.accord.contracts.catalog.UnitOfMeasure;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One version of one price of an offering. Its definition never changes once written: a change is a new version.
 * Only its end of validity may be set (when a newer version takes over), and an announced version that never came
 * into force may be superseded.
 */
@Entity
@Table(name = "product_offering_price")
class PriceVersion {

    enum Status { DRAFT, LAUNCHED, SUPERSEDED }

    @Id
    private UUID id;
    private UUID offeringId;
    private String priceKey;
    private int versionNumber;
    private String name;
    @Enumerated(EnumType.STRING)
    private PriceDraft.PriceType priceType;
    @Enumerated(EnumType.STRING)
    private Status status;
    private BigDecimal amount;
    private String currency;
    private String taxCategory;
    @Enumerated(EnumType.STRING)
    private PriceDraft.RecurringPeriod recurringPeriod;
    @Enumerated(EnumType.STRING)
    private PriceDraft.Proration proration;
    @Enumerated(EnumType.STRING)
    private UnitOfMeasure unit;
    private Integer roundingFirst;
    private Integer roundingNext;
    private BigDecimal minimumQuantity;
    @Enumerated(EnumType.STRING)
    private PriceDraft.TierMode tierMode;
    @Enumerated(EnumType.STRING)
    private PriceDraft.Accumulation accumulation;
    private String usageTypes;
    private BigDecimal minimumCharge;
    private Instant validFrom;
    private Instant validTo;
    private Instant createdAt;
    /** The auto-approval policy approved it: no partner manager saw it, so it is no baseline for the next change. */
    private boolean autoApproved;
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "product_offering_price_tier", joinColumns = @JoinColumn(name = "price_id"))
    @OrderColumn(name = "position")
    private List<TierRow> tiers = new ArrayList<>();

    protected PriceVersion() {
    }

    PriceVersion(UUID offeringId, int versionNumber, PriceDraft draft, Status status, boolean autoApproved,
                 Instant now) {
        this.id = UUID.randomUUID();
        this.offeringId = offeringId;
        this.priceKey = draft.externalId();
        this.versionNumber = versionNumber;
        this.name = draft.name();
        this.priceType = draft.type();
        this.status = status;
        this.amount = draft.amount();
        this.currency = draft.currency();
        this.taxCategory = draft.taxCategory();
        this.recurringPeriod = draft.period();
        this.proration = draft.proration();
        this.unit = draft.unit();
        this.roundingFirst = draft.roundingFirst();
        this.roundingNext = draft.roundingNext();
        this.minimumQuantity = draft.minimumQuantity();
        this.tierMode = draft.tierMode();
        this.accumulation = draft.accumulation();
        this.usageTypes = draft.usageTypes().isEmpty() ? null : String.join(",", draft.usageTypes());
        this.minimumCharge = draft.minimumCharge();
        this.validFrom = draft.validFrom();
        this.createdAt = now;
        this.autoApproved = autoApproved;
        draft.tiers().forEach(tier -> tiers.add(new TierRow(tier.from(), tier.to(), tier.rate())));
    }

    /** The definition this version was written from (decimals without trailing zeros). */
    PriceDraft draft() {
        return new PriceDraft(priceKey, name, priceType, strip(amount), currency, taxCategory, recurringPeriod,
                proration, unit, roundingFirst, roundingNext, strip(minimumQuantity), tierMode,
                tiers.stream().map(TierRow::tier).toList(), accumulation,
                usageTypes == null ? List.of() : Arrays.asList(usageTypes.split(",")), strip(minimumCharge),
                validFrom);
    }

    PriceVersionView view() {
        return new PriceVersionView(id, offeringId, priceKey, versionNumber, status.name(), draft(), validFrom,
                validTo);
    }

    void launch() {
        if (status == Status.DRAFT) {
            status = Status.LAUNCHED;
        }
    }

    void endAt(Instant end) {
        this.validTo = end;
    }

    void supersede() {
        this.status = Status.SUPERSEDED;
    }

    UUID id() {
        return id;
    }

    String priceKey() {
        return priceKey;
    }

    int versionNumber() {
        return versionNumber;
    }

    Status status() {
        return status;
    }

    Instant validFrom() {
        return validFrom;
    }

    Instant validTo() {
        return validTo;
    }

    boolean autoApproved() {
        return autoApproved;
    }

    static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    @Embeddable
    static class TierRow {
        @Column(name = "from_qty")
        private BigDecimal from;
        @Column(name = "to_qty")
        private BigDecimal to;
        private BigDecimal rate;

        protected TierRow() {
        }

        TierRow(BigDecimal from, BigDecimal to, BigDecimal rate) {
            this.from = from;
            this.to = to;
            this.rate = rate;
        }

        PriceDraft.Tier tier() {
            return new PriceDraft.Tier(strip(from), strip(to), strip(rate));
        }
    }
}

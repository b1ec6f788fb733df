package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a partner's agreement came into force. It carries the full terms, so rating and settlement keep
 * their read models from this event alone. From {@code inForceFrom} on (until {@code validUntil}, or until an
 * {@link AgreementSuperseded}, {@link AgreementExpired} or {@link AgreementTerminated} of this agreement id)
 * it is the one agreement in force for the partner; the version it replaces, if any, is
 * {@code supersededAgreementId}. Decimal values are strings (exact, no binary floating point).
 */
public record AgreementActivated(
        UUID eventId,
        Instant occurredAt,
        String partnerId,
        String agreementId,
        int version,
        String businessModel,
        Instant inForceFrom,
        Instant validUntil,
        String supersededAgreementId,
        Terms terms) implements DomainEvent {

    @Override
    public String key() {
        return partnerId;
    }

    /**
     * The commercial terms. Every amount is in {@code currency}.
     *
     * @param revenueShares           the partner's share of revenue per offering category and/or usage type; a
     *                                {@code null} category or usage type matches any
     * @param wholesaleRates          what the partner pays per unit
     * @param minimumMonthlyGuarantee the least the partner is settled per month
     * @param validityMonths          how long a version is valid from its start, {@code null} when open-ended
     */
    public record Terms(
            String currency,
            List<RevenueShare> revenueShares,
            List<WholesaleRate> wholesaleRates,
            String minimumMonthlyGuarantee,
            String settlementCycle,
            int paymentTermsDays,
            TaxTreatment taxTreatment,
            ReconciliationTolerance reconciliationTolerance,
            int disputeWindowDays,
            Integer validityMonths) {
    }

    /**
     * The partner's percentage share; from a tier's {@code fromVolume} (usage quantity in the settlement period)
     * on, that tier's percentage applies instead.
     */
    public record RevenueShare(String offeringCategory, String usageType, String partnerSharePercent,
                               List<VolumeTier> tiers) {
    }

    public record VolumeTier(String fromVolume, String partnerSharePercent) {
    }

    public record WholesaleRate(String unit, String price) {
    }

    public record TaxTreatment(String ratePercent, boolean reverseCharge) {
    }

    /** How far a partner's invoice may differ from our statement and still match. */
    public record ReconciliationTolerance(String absoluteAmount, String percent) {
    }
}

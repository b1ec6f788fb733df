package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.contracts.events.AgreementActivated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a partner's agreement, with the terms rating uses (the fields of {@link AgreementActivated}).
 *
 * @param partnerId      the partner
 * @param agreementId    the agreement version's id (recorded with every rated record)
 * @param version        its version number
 * @param businessModel  how we go to market with the partner
 * @param currency       the currency of its amounts (wholesale rates)
 * @param revenueShares  the partner's share per offering category and/or usage type ({@code null} matches any)
 * @param wholesaleRates what a reselling partner pays per unit
 * @param validFrom      in force from this instant (inclusive)
 * @param validTo        in force until this instant (exclusive), {@code null} while open-ended
 */
public record AgreementVersion(String partnerId, String agreementId, int version, BusinessModel businessModel,
                               String currency, List<RevenueShareRule> revenueShares,
                               Map<UnitOfMeasure, BigDecimal> wholesaleRates, Instant validFrom, Instant validTo) {

    /** The partner business models of onboarding. */
    public enum BusinessModel { RESELL, SELL_THROUGH, CO_CREATE }

    /**
     * The partner's base share in percent of revenue for an offering category and a usage type, either {@code null}
     * for any. The rule's volume tiers are settlement's (paid at period close), so the engine does not carry them.
     */
    public record RevenueShareRule(String offeringCategory, String usageType, BigDecimal partnerSharePercent) {

        public RevenueShareRule {
            EffectiveDating.requirePercent(partnerSharePercent, "partnerSharePercent");
        }
    }

    public AgreementVersion {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(businessModel, "businessModel");
        Currency.getInstance(Objects.requireNonNull(currency, "currency"));
        revenueShares = revenueShares == null ? List.of() : List.copyOf(revenueShares);
        wholesaleRates = wholesaleRates == null || wholesaleRates.isEmpty() ? Map.of() : new EnumMap<>(wholesaleRates);
        EffectiveDating.requireValidity(validFrom, validTo);
    }

    /**
     * The version an {@link AgreementActivated} event announces, in force from {@code inForceFrom} until
     * {@code validUntil}; a later supersession or termination ends it earlier (the read model's concern).
     *
     * Wholesale rates per resource and month ({@code SIM_MONTH}) are settlement's, not usage's, and left out.
     *
     * @throws IllegalArgumentException on an unknown business model or unit, or a malformed decimal
     */
    public static AgreementVersion from(AgreementActivated event) {
        AgreementActivated.Terms terms = event.terms();
        List<RevenueShareRule> shares = new ArrayList<>();
        for (AgreementActivated.RevenueShare share : terms.revenueShares() == null
                ? List.<AgreementActivated.RevenueShare>of() : terms.revenueShares()) {
            shares.add(new RevenueShareRule(share.offeringCategory(), share.usageType(),
                    new BigDecimal(share.partnerSharePercent())));
        }
        Map<UnitOfMeasure, BigDecimal> wholesale = new EnumMap<>(UnitOfMeasure.class);
        for (AgreementActivated.WholesaleRate rate : terms.wholesaleRates() == null
                ? List.<AgreementActivated.WholesaleRate>of() : terms.wholesaleRates()) {
            if (rate.unit() != null && rate.unit().strip().toUpperCase(java.util.Locale.ROOT).endsWith("_MONTH")) {
                continue; // a monthly fee per resource (SIM_MONTH): settlement's recurring lines, not usage
            }
            UnitOfMeasure unit = wholesaleUnit(rate.unit())
                    .orElseThrow(() -> new IllegalArgumentException("unknown unit " + rate.unit()));
            wholesale.put(unit, new BigDecimal(rate.price()));
        }
        return new AgreementVersion(event.partnerId(), event.agreementId(), event.version(),
                BusinessModel.valueOf(event.businessModel()), terms.currency(), shares, wholesale,
                event.inForceFrom(), event.validUntil());
    }

    /**
     * A wholesale rate's unit: a {@link UnitOfMeasure} code, or the names agreements spell them with (the default
     * RESELL template of onboarding rates {@code MINUTE} and {@code SMS}).
     */
    static java.util.Optional<UnitOfMeasure> wholesaleUnit(String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        return switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "SECOND", "SECONDS" -> java.util.Optional.of(UnitOfMeasure.S);
            case "MINUTE", "MINUTES" -> java.util.Optional.of(UnitOfMeasure.MIN);
            case "HOUR", "HOURS" -> java.util.Optional.of(UnitOfMeasure.H);
            case "SMS", "MMS" -> java.util.Optional.of(UnitOfMeasure.MESSAGE);
            default -> UnitOfMeasure.ofCode(code);
        };
    }

    boolean inForceAt(Instant instant) {
        return EffectiveDating.inForce(validFrom, validTo, instant);
    }
}

package io.accord.onboarding.agreement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementExpired;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.value.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The published language of agreements: our versions as shared-contracts events, decimals as exact strings. */
final class AgreementEvents {

    private AgreementEvents() {
    }

    static AgreementActivated activated(Agreement agreement, UUID superseded, Instant now) {
        return new AgreementActivated(UUID.randomUUID(), now, agreement.partnerId().toString(),
                agreement.id().toString(), agreement.version(), agreement.agreementType().name(),
                agreement.inForceFrom(), agreement.validUntil(), superseded == null ? null : superseded.toString(),
                terms(agreement.terms()));
    }

    static AgreementSuperseded superseded(Agreement agreement, Agreement by, Instant now) {
        return new AgreementSuperseded(UUID.randomUUID(), now, agreement.partnerId().toString(),
                agreement.id().toString(), agreement.version(), by.id().toString(), agreement.inForceUntil());
    }

    static AgreementExpired expired(Agreement agreement, Instant now) {
        return new AgreementExpired(UUID.randomUUID(), now, agreement.partnerId().toString(),
                agreement.id().toString(), agreement.version(), agreement.inForceUntil());
    }

    static AgreementTerminated terminated(Agreement agreement, AgreementStatus previous, Instant now) {
        return new AgreementTerminated(UUID.randomUUID(), now, agreement.partnerId().toString(),
                agreement.id().toString(), agreement.version(), previous.name(),
                previous == AgreementStatus.ACTIVE ? agreement.inForceUntil() : null, agreement.statusReason());
    }

    static AgreementActivated.Terms terms(AgreementTerms terms) {
        return new AgreementActivated.Terms(terms.currency(),
                terms.revenueShares().stream().map(rule -> new AgreementActivated.RevenueShare(
                        rule.offeringCategory(), rule.usageType(), plain(rule.partnerSharePercent()),
                        rule.tiers().stream().map(tier -> new AgreementActivated.VolumeTier(
                                plain(tier.fromVolume()), plain(tier.partnerSharePercent()))).toList())).toList(),
                terms.wholesaleRates().stream().map(rate -> new AgreementActivated.WholesaleRate(rate.unit(),
                        plain(rate.price()))).toList(),
                plain(terms.minimumMonthlyGuarantee()), terms.settlementCycle().name(), terms.paymentTermsDays(),
                new AgreementActivated.TaxTreatment(plain(terms.taxTreatment().ratePercent()),
                        terms.taxTreatment().reverseCharge()),
                new AgreementActivated.ReconciliationTolerance(plain(terms.reconciliationTolerance().absolute()),
                        plain(terms.reconciliationTolerance().percent())),
                terms.disputeWindowDays(), terms.validityMonths());
    }

    private static String plain(Money money) {
        return plain(money.amount());
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}

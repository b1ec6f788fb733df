package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.product.PartnerProducts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test-data builders of agreements and products for the statement line unit tests. */
final class StatementTestData {

    static final UUID PARTNER = UUID.fromString("6c4f1e8a-1b2c-4d3e-8f90-a1b2c3d4e5f6");
    static final UUID OTHER = UUID.fromString("0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f");

    private StatementTestData() {
    }

    static AgreementActivated.RevenueShare rule(String category, String usageType, String percent,
                                                AgreementActivated.VolumeTier... tiers) {
        return new AgreementActivated.RevenueShare(category, usageType, percent, List.of(tiers));
    }

    static AgreementActivated.VolumeTier tier(String from, String percent) {
        return new AgreementActivated.VolumeTier(from, percent);
    }

    static PartnerTerms.Agreement agreement(String businessModel, List<AgreementActivated.RevenueShare> shares,
                                            List<AgreementActivated.WholesaleRate> rates) {
        return new PartnerTerms.Agreement("agr-1", PARTNER, 1, businessModel, Instant.parse("2025-01-01T00:00:00Z"),
                null, null, new AgreementActivated.Terms("EUR", shares, rates, "0", "MONTHLY", 30,
                new AgreementActivated.TaxTreatment("19", false),
                new AgreementActivated.ReconciliationTolerance("1.00", "0.5"), 60, null));
    }

    static Product product(String productId, String offeringId) {
        return new Product(productId, offeringId);
    }

    /** A builder of {@link PartnerProducts.Product}. */
    static final class Product {
        private final String productId;
        private final String offeringId;
        private String category = "video";
        private UUID owner;
        private UUID buyer;
        private Instant start;
        private Instant end;
        private final List<ProductDetails.LockedCharge> charges = new ArrayList<>();
        private final List<OfferingLaunched.Participant> participants = new ArrayList<>();
        private final List<ProductDetails.SubscriberIdentifier> identifiers = new ArrayList<>();

        private Product(String productId, String offeringId) {
            this.productId = productId;
            this.offeringId = offeringId;
        }

        Product ownedBy(UUID partner) { owner = partner; return this; }
        Product boughtBy(UUID partner) { buyer = partner; return this; }
        Product category(String value) { category = value; return this; }
        Product active(String from, String to) {
            start = Instant.parse(from);
            end = to == null ? null : Instant.parse(to);
            return this;
        }
        Product participant(UUID partner, String percent) {
            participants.add(new OfferingLaunched.Participant(partner.toString(), percent));
            return this;
        }
        Product identifier(String type, String value) {
            identifiers.add(new ProductDetails.SubscriberIdentifier(type, value));
            return this;
        }
        Product recurring(String priceId, String amount, String period, String proration) {
            charges.add(new ProductDetails.LockedCharge(offeringId, priceId, priceId + "-v1", "RECURRING", period,
                    proration, amount, "EUR"));
            return this;
        }
        Product oneTime(String priceId, String amount) {
            charges.add(new ProductDetails.LockedCharge(offeringId, priceId, priceId + "-v1", "ONE_TIME", null, null,
                    amount, "EUR"));
            return this;
        }

        PartnerProducts.Product build() {
            return new PartnerProducts.Product(productId, "order-" + productId, offeringId, "Offering " + offeringId,
                    category, owner, buyer, "customer-" + productId, "ACTIVE", start, end, List.copyOf(charges),
                    List.copyOf(participants), List.copyOf(identifiers));
        }
    }
}

package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.value.Money;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.product.PartnerProducts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.accord.settlement.statement.StatementTestData.OTHER;
import static io.accord.settlement.statement.StatementTestData.PARTNER;
import static io.accord.settlement.statement.StatementTestData.agreement;
import static io.accord.settlement.statement.StatementTestData.product;
import static io.accord.settlement.statement.StatementTestData.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recurring and one-time lines of the partner's products, allocated per business model as rating allocates usage. */
class ProductChargeLinesTests {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void anOwnerEarnsItsRecurringRuleOnProratedChargesAndItsCategoryRuleOnOneTimeCharges() {
        PartnerTerms.Agreement sellThrough = agreement("SELL_THROUGH",
                List.of(rule("video", null, "70"), rule("video", "RECURRING", "50")), List.of());
        PartnerProducts.Product allMonth = product("p1", "off-video").ownedBy(PARTNER)
                .active("2026-02-20T00:00:00Z", null).recurring("monthly", "31.00", "MONTH", "DAILY")
                .oneTime("setup", "20.00").build();
        PartnerProducts.Product tenDays = product("p2", "off-video").ownedBy(PARTNER)
                .active("2026-03-10T15:30:00Z", "2026-03-20T09:00:00Z")
                .recurring("monthly", "31.00", "MONTH", "DAILY").oneTime("setup", "20.00").build();
        PartnerProducts.Product someoneElses = product("p3", "off-video").ownedBy(OTHER)
                .active("2026-03-01T00:00:00Z", null).recurring("monthly", "31.00", "MONTH", "DAILY").build();

        List<LineDraft> lines = ProductChargeLines.of(PARTNER, sellThrough, MARCH, APRIL,
                List.of(allMonth, tenDays, someoneElses), List.of(tenDays));

        // 31.00 × 50 % for the whole month + 10 of 31 days (10.00) × 50 %; the one-time 20.00 × 70 % once
        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount, LineDraft::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, Money.of("20.50", "EUR"),
                                java.math.BigDecimal.valueOf(2)),
                        org.assertj.core.groups.Tuple.tuple(LineKind.ONE_TIME_SHARE, Money.of("14.00", "EUR"),
                                java.math.BigDecimal.valueOf(1)));
        assertThat(lines.getFirst().label()).contains("Recurring share", "Offering off-video", "monthly", "50 %",
                "rule video × RECURRING", "2 products");
        assertThat(lines.get(1).label()).contains("One-time share", "70 %", "rule video × any");
        assertThat(lines).allSatisfy(line -> assertThat(line.direction()).isEqualTo("PAYABLE_TO_PARTNER"));
        assertThat(lines.getFirst().reference()).isEqualTo("monthly");
    }

    @Test
    void aParticipantOfACoCreatedOfferingEarnsItsParticipantShareNotAnOwnersRule() {
        PartnerTerms.Agreement coCreate = agreement("CO_CREATE", List.of(rule(null, null, "90")), List.of());
        PartnerProducts.Product coCreated = product("c1", "off-joint").ownedBy(OTHER).participant(PARTNER, "40")
                .participant(OTHER, "30").active("2026-01-15T08:00:00Z", null)
                .recurring("monthly", "30.00", "MONTH", "NONE").oneTime("setup", "100.00").build();
        PartnerProducts.Product ownedNotParticipating = product("c2", "off-joint2").ownedBy(PARTNER)
                .participant(OTHER, "60").active("2026-01-15T08:00:00Z", null)
                .recurring("monthly", "30.00", "MONTH", "NONE").build();

        List<LineDraft> lines = ProductChargeLines.of(PARTNER, coCreate, Instant.parse("2026-01-01T00:00:00Z"),
                APRIL, List.of(coCreated, ownedNotParticipating), List.of(coCreated));

        // a quarter of NONE-prorated months the product started in: 3 × 30.00 × 40 %; the one-time 100.00 × 40 %
        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, Money.of("36.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.ONE_TIME_SHARE, Money.of("40.00", "EUR")));
        assertThat(lines.getFirst().label()).contains("40 % (participant share)");
    }

    @Test
    void aResellerOwesTheWholeChargesOfWhatItBoughtAndAMonthlyFeePerSimByDay() {
        PartnerTerms.Agreement resell = agreement("RESELL", List.of(), List.of(
                new AgreementActivated.WholesaleRate("SIM_MONTH", "1.50"),
                new AgreementActivated.WholesaleRate("MIN", "0.01")));
        PartnerProducts.Product sim = product("r1", "off-sim").boughtBy(PARTNER).category("connectivity")
                .identifier("ICCID", "8949000000000000001").identifier("MSISDN", "+4915100000001")
                .active("2026-03-11T10:00:00Z", null).recurring("monthly", "10.00", "MONTH", "NONE")
                .oneTime("activation", "5.00").build();
        PartnerProducts.Product partnerOwned = product("r2", "off-other").ownedBy(OTHER).boughtBy(PARTNER)
                .identifier("ICCID", "8949000000000000002").active("2026-03-01T00:00:00Z", null)
                .recurring("monthly", "10.00", "MONTH", "NONE").build();

        List<LineDraft> lines = ProductChargeLines.of(PARTNER, resell, MARCH, APRIL, List.of(sim, partnerOwned),
                List.of(sim, partnerOwned));

        // the SIM from 11 March: 21 of 31 days × 1.50 = 1.016129; another partner's offering is not resold by us:
        // its whole charge is owed (the reseller billed its own customer), without a SIM fee
        assertThat(lines).extracting(LineDraft::kind, LineDraft::offeringId, LineDraft::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, "off-sim",
                        Money.of("-10.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, null,
                        Money.of("-1.016129", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, "off-other",
                        Money.of("-10.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.ONE_TIME_WHOLESALE, "off-sim",
                        Money.of("-5.00", "EUR")));
        assertThat(lines.get(1).label()).contains("Per-SIM monthly fee", "1.50 EUR per SIM");
        assertThat(lines.get(0).label()).contains("owed in full of").doesNotContain("own customer");
        assertThat(lines.get(2).label()).contains("owed in full (bought for its own customer)");
        assertThat(lines.get(1).reference()).isEqualTo("SIM_MONTH");
        assertThat(lines).allSatisfy(line -> assertThat(line.direction()).isEqualTo("OWED_BY_PARTNER"));
        assertThat(ProductChargeLines.of(PARTNER, agreement("SELL_THROUGH", List.of(rule(null, null, "70")),
                List.of()), MARCH, APRIL, List.of(sim), List.of(sim))).isEmpty();
    }

    @Test
    void aPartnerBuyingACoCreatedOrPartnerOwnedProductOwesItsWholeChargesBesideItsOwnShare() {
        PartnerTerms.Agreement sellThrough = agreement("SELL_THROUGH", List.of(rule("video", null, "70")),
                List.of());
        PartnerProducts.Product othersOffering = product("b1", "off-others").ownedBy(OTHER).boughtBy(PARTNER)
                .identifier("ICCID", "8949000000000000021").active("2026-03-01T00:00:00Z", null)
                .recurring("monthly", "30.00", "MONTH", "NONE").oneTime("setup", "20.00").build();
        PartnerProducts.Product coCreated = product("b2", "off-joint").ownedBy(OTHER).participant(PARTNER, "40")
                .participant(OTHER, "30").boughtBy(PARTNER).active("2026-03-01T00:00:00Z", null)
                .recurring("monthly", "30.00", "MONTH", "NONE").build();
        PartnerProducts.Product ownOffering = product("b3", "off-own").ownedBy(PARTNER).boughtBy(PARTNER)
                .active("2026-03-01T00:00:00Z", null).recurring("monthly", "10.00", "MONTH", "NONE").build();

        List<LineDraft> buyer = ProductChargeLines.of(PARTNER, sellThrough, MARCH, APRIL,
                List.of(othersOffering, coCreated, ownOffering), List.of(othersOffering));

        // no share of another's offering, the fee owed in full; 40 % of the co-created and 70 % of its own paid
        // beside their fees owed; no per-resource fee (nothing is resold)
        assertThat(buyer).extracting(LineDraft::kind, LineDraft::offeringId, LineDraft::amount, LineDraft::direction)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, "off-others",
                                Money.of("-30.00", "EUR"), "OWED_BY_PARTNER"),
                        org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, "off-joint",
                                Money.of("12.00", "EUR"), "PAYABLE_TO_PARTNER"),
                        org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, "off-joint",
                                Money.of("-30.00", "EUR"), "OWED_BY_PARTNER"),
                        org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, "off-own",
                                Money.of("7.00", "EUR"), "PAYABLE_TO_PARTNER"),
                        org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, "off-own",
                                Money.of("-10.00", "EUR"), "OWED_BY_PARTNER"),
                        org.assertj.core.groups.Tuple.tuple(LineKind.ONE_TIME_WHOLESALE, "off-others",
                                Money.of("-20.00", "EUR"), "OWED_BY_PARTNER"));
        // the owner is paid its share of what the buyer bought, and owes nothing
        List<LineDraft> owner = ProductChargeLines.of(OTHER, sellThrough, MARCH, APRIL,
                List.of(othersOffering, coCreated), List.of(othersOffering));
        assertThat(owner).extracting(LineDraft::kind, LineDraft::offeringId, LineDraft::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, "off-others", Money.of("21.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, "off-joint", Money.of("9.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.ONE_TIME_SHARE, "off-others", Money.of("14.00", "EUR")));
    }

    @Test
    void aProductArrivingAfterItsMonthClosedCarriesThatMonthsProratedRecurringChargeAsAPriorPeriodLine() {
        PartnerTerms.Agreement sellThrough = agreement("SELL_THROUGH",
                List.of(rule("video", null, "70"), rule("video", "RECURRING", "50")), List.of());
        PartnerProducts.Product late = product("p9", "off-video").ownedBy(PARTNER)
                .active("2026-03-10T15:30:00Z", null).recurring("monthly", "31.00", "MONTH", "DAILY")
                .oneTime("setup", "20.00").build();

        // April's statement: April in full (active), March from the 10th (22 of 31 days) carried late, with the set-up
        List<LineDraft> lines = ProductChargeLines.of(PARTNER, sellThrough, APRIL,
                Instant.parse("2026-05-01T00:00:00Z"), List.of(late), List.of(), List.of(new ProductChargeLines.Late(
                        late, List.of(new ProductChargeLines.Window(MARCH, APRIL)))));

        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, Money.of("15.50", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE, Money.of("11.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.ONE_TIME_SHARE, Money.of("14.00", "EUR")));
        assertThat(lines.get(0).label()).doesNotStartWith(ProductChargeLines.LATE_PREFIX);
        assertThat(lines.get(1).label()).startsWith(ProductChargeLines.LATE_PREFIX).contains("Recurring share",
                "50 %");
        assertThat(lines.get(2).label()).startsWith(ProductChargeLines.LATE_PREFIX);
    }

    @Test
    void aResellersLateSimCarriesItsMissedRecurringChargeAndSimFeeOwed() {
        PartnerTerms.Agreement resell = agreement("RESELL", List.of(), List.of(
                new AgreementActivated.WholesaleRate("SIM_MONTH", "1.50")));
        PartnerProducts.Product sim = product("r9", "off-sim").boughtBy(PARTNER).category("connectivity")
                .identifier("ICCID", "8949000000000000009").active("2026-03-11T10:00:00Z", null)
                .recurring("monthly", "10.00", "MONTH", "NONE").build();

        List<LineDraft> lines = ProductChargeLines.of(PARTNER, resell, APRIL, Instant.parse("2026-05-01T00:00:00Z"),
                List.of(), List.of(), List.of(new ProductChargeLines.Late(sim,
                        List.of(new ProductChargeLines.Window(MARCH, APRIL)))));

        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, Money.of("-10.00", "EUR")),
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, Money.of("-1.016129", "EUR")));
        assertThat(lines).allSatisfy(line -> assertThat(line.label()).startsWith(ProductChargeLines.LATE_PREFIX));
    }

    @Test
    void anEndLearntAfterItsMonthClosedReversesTheMonthsOverChargedDaysOnTheNextStatement() {
        PartnerTerms.Agreement sellThrough = agreement("SELL_THROUGH",
                List.of(rule("video", null, "70"), rule("video", "RECURRING", "50")), List.of());
        // charged all March (31.00 × 50 % = 15.50); its last day was 20 March (ends 21 March 00:00, exclusive)
        PartnerProducts.Product ended = product("e1", "off-video").ownedBy(PARTNER)
                .active("2026-02-10T00:00:00Z", "2026-03-21T00:00:00Z")
                .recurring("monthly", "31.00", "MONTH", "DAILY").oneTime("setup", "20.00").build();

        List<LineDraft> lines = ProductChargeLines.of(PARTNER, sellThrough, APRIL,
                Instant.parse("2026-05-01T00:00:00Z"), List.of(), List.of(), List.of(), List.of(
                        new ProductChargeLines.Ended(ended, null, charged(sellThrough,
                                new ProductChargeLines.Window(Instant.parse("2026-02-01T00:00:00Z"), MARCH),
                                new ProductChargeLines.Window(MARCH, APRIL)))));

        // −(11 of 31 March days × 31.00 × 50 %); February is unchanged; no one-time charge again
        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount, LineDraft::quantity, LineDraft::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE,
                        Money.of("-5.50", "EUR"), java.math.BigDecimal.ONE, "OWED_BY_PARTNER"));
        assertThat(lines.getFirst().label()).startsWith(ProductChargeLines.ENDED_PREFIX)
                .contains("Recurring share", "50 %", "rule video × RECURRING", "1 product");
        assertThat(ProductChargeLines.priorPeriod(lines.getFirst().label())).isTrue();
    }

    @Test
    void anEndWithdrawnOrMovedLaterBackChargesTheMissingDaysOfEachClosedPeriod() {
        PartnerTerms.Agreement sellThrough = agreement("SELL_THROUGH", List.of(rule("video", null, "50")),
                List.of());
        PartnerProducts.Product withdrawn = product("e2", "off-video").ownedBy(PARTNER)
                .active("2026-03-01T00:00:00Z", null).recurring("monthly", "31.00", "MONTH", "DAILY").build();
        PartnerProducts.Product movedLater = product("e3", "off-video").ownedBy(PARTNER)
                .active("2026-03-01T00:00:00Z", "2026-03-26T00:00:00Z")
                .recurring("monthly", "31.00", "MONTH", "DAILY").build();

        // both were charged up to 21 March: e2 now runs on (11 March days and all April back), e3 ends on 26 March
        List<LineDraft> lines = ProductChargeLines.of(PARTNER, sellThrough, Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), List.of(), List.of(), List.of(), List.of(
                        new ProductChargeLines.Ended(withdrawn, Instant.parse("2026-03-21T00:00:00Z"), charged(
                                sellThrough, new ProductChargeLines.Window(MARCH, APRIL),
                                new ProductChargeLines.Window(APRIL, Instant.parse("2026-05-01T00:00:00Z")))),
                        new ProductChargeLines.Ended(movedLater, Instant.parse("2026-03-21T00:00:00Z"), charged(
                                sellThrough, new ProductChargeLines.Window(MARCH, APRIL),
                                new ProductChargeLines.Window(APRIL, Instant.parse("2026-05-01T00:00:00Z"))))));

        // (11/31 × 31.00 + 31.00) × 50 % = 21.00 for e2; 5/31 × 31.00 × 50 % = 2.50 for e3
        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount, LineDraft::quantity, LineDraft::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_SHARE,
                        Money.of("23.50", "EUR"), java.math.BigDecimal.valueOf(2), "PAYABLE_TO_PARTNER"));
        assertThat(lines.getFirst().label()).startsWith(ProductChargeLines.EXTENDED_PREFIX);
    }

    @Test
    void eachClosedPeriodIsAdjustedUnderTheAgreementItsStatementWasDraftedUnder() {
        PartnerTerms.Agreement march = agreement("SELL_THROUGH", List.of(rule("video", null, "50")), List.of());
        PartnerTerms.Agreement april = agreement("SELL_THROUGH", List.of(rule("video", null, "60")), List.of());
        PartnerProducts.Product ended = product("e4", "off-video").ownedBy(PARTNER)
                .active("2026-03-01T00:00:00Z", "2026-03-21T00:00:00Z")
                .recurring("monthly", "31.00", "MONTH", "DAILY").build();

        // March was charged at 50 %, April at 60 % (its whole month: 31.00): −(11/31 × 31.00 × 50 %), −(31.00 × 60 %)
        List<LineDraft> lines = ProductChargeLines.of(PARTNER, april, Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), List.of(), List.of(), List.of(), List.of(
                        new ProductChargeLines.Ended(ended, null, List.of(
                                new ProductChargeLines.Charged(new ProductChargeLines.Window(MARCH, APRIL), march),
                                new ProductChargeLines.Charged(new ProductChargeLines.Window(APRIL,
                                        Instant.parse("2026-05-01T00:00:00Z")), april)))));

        assertThat(lines).extracting(LineDraft::amount).containsExactly(Money.of("-5.50", "EUR"),
                Money.of("-18.60", "EUR"));
        assertThat(lines).extracting(LineDraft::label).allSatisfy(label ->
                assertThat(label).startsWith(ProductChargeLines.ENDED_PREFIX));
    }

    @Test
    void aResellersSimEndedLateGivesBackItsOverChargedRecurringChargeAndSimFee() {
        PartnerTerms.Agreement resell = agreement("RESELL", List.of(), List.of(
                new AgreementActivated.WholesaleRate("SIM_MONTH", "1.50")));
        PartnerProducts.Product daily = product("r10", "off-sim").boughtBy(PARTNER).category("connectivity")
                .identifier("ICCID", "8949000000000000010").active("2026-01-05T00:00:00Z", "2026-03-21T00:00:00Z")
                .recurring("monthly", "10.00", "MONTH", "DAILY").build();
        PartnerProducts.Product none = product("r11", "off-sim-flat").boughtBy(PARTNER).category("connectivity")
                .active("2026-01-05T00:00:00Z", "2026-03-21T00:00:00Z")
                .recurring("monthly", "10.00", "MONTH", "NONE").build();

        List<LineDraft> lines = ProductChargeLines.of(PARTNER, resell, APRIL, Instant.parse("2026-05-01T00:00:00Z"),
                List.of(), List.of(), List.of(), List.of(
                        new ProductChargeLines.Ended(daily, null, charged(resell,
                                new ProductChargeLines.Window(MARCH, APRIL))),
                        new ProductChargeLines.Ended(none, null, charged(resell,
                                new ProductChargeLines.Window(MARCH, APRIL)))));

        // owed −10.00 was charged for all March; by day 11 of its 31 days are given back: 3.548387; the SIM fee 1.50 × 11/31
        // = 0.532258 back; a NONE charge is owed for the whole month it was active in: nothing changes
        assertThat(lines).extracting(LineDraft::kind, LineDraft::amount, LineDraft::direction).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, Money.of("3.548387", "EUR"),
                        "PAYABLE_TO_PARTNER"),
                org.assertj.core.groups.Tuple.tuple(LineKind.RECURRING_WHOLESALE, Money.of("0.532258", "EUR"),
                        "PAYABLE_TO_PARTNER"));
        assertThat(lines).allSatisfy(line -> assertThat(line.label()).startsWith(ProductChargeLines.ENDED_PREFIX));
        assertThat(lines.get(1).label()).contains("Per-SIM monthly fee", "1 × SIM");
    }

    private static List<ProductChargeLines.Charged> charged(PartnerTerms.Agreement agreement,
                                                            ProductChargeLines.Window... windows) {
        return java.util.Arrays.stream(windows).map(window -> new ProductChargeLines.Charged(window, agreement))
                .toList();
    }

    @Test
    void aChargeWithoutItsPeriodIsRefusedNamingTheProduct() {
        PartnerProducts.Product broken = product("b1", "off-video").ownedBy(PARTNER)
                .active("2026-03-01T00:00:00Z", null).recurring("monthly", "10.00", null, "DAILY").build();

        assertThatThrownBy(() -> ProductChargeLines.of(PARTNER, agreement("SELL_THROUGH",
                List.of(rule(null, null, "70")), List.of()), MARCH, APRIL, List.of(broken), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("product b1");
    }
}

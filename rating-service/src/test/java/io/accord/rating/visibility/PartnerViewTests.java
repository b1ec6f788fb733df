package io.accord.rating.visibility;

import io.accord.contracts.usage.UsageRated.AgreementVersionRef;
import io.accord.contracts.usage.UsageRated.PartyAmount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.contracts.usage.UsageRated.Direction.OWED_BY_PARTNER;
import static io.accord.contracts.usage.UsageRated.Direction.PAYABLE_TO_PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

/** What each caller sees of a rated record: the one rule every partner-visible view applies. */
class PartnerViewTests {

    private static final String OWNER = "owner";
    private static final String BUYER = "buyer";
    private static final String FIRST = "first";
    private static final String SECOND = "second";
    private static final String MEDIATION = "mediation-eu";

    private static final List<PartyAmount> SOLD_THROUGH = List.of(
            new PartyAmount(OWNER, PAYABLE_TO_PARTNER, "30", "0.36"),
            new PartyAmount(BUYER, OWED_BY_PARTNER, null, "1.20"));
    private static final List<PartyAmount> CO_CREATED = List.of(
            new PartyAmount(FIRST, PAYABLE_TO_PARTNER, "30", "0.30"),
            new PartyAmount(SECOND, PAYABLE_TO_PARTNER, "20", "0.20"));
    private static final List<PartyAmount> CO_CREATED_BOUGHT_BY_FIRST = List.of(
            new PartyAmount(FIRST, PAYABLE_TO_PARTNER, "30", "0.30"),
            new PartyAmount(SECOND, PAYABLE_TO_PARTNER, "20", "0.20"),
            new PartyAmount(FIRST, OWED_BY_PARTNER, null, "1.00"));
    private static final List<PartyAmount> RESOLD = List.of(new PartyAmount(BUYER, OWED_BY_PARTNER, null, "0.50"));

    @Test
    void staffSeeEverything() {
        PartnerView staff = PartnerView.staff();
        assertThat(staff.seesMargin()).isTrue();
        assertThat(staff.parties(SOLD_THROUGH)).isEqualTo(SOLD_THROUGH);
        assertThat(staff.seesCharge(MEDIATION, "CO_CREATED", CO_CREATED)).isTrue();
        assertThat(staff.seesCharge(MEDIATION, "OWN", List.of())).isTrue();
        assertThat(staff.seesCustomerReference("mediation-eu", List.of())).isTrue();
    }

    @Test
    void aPartnerSeesOnlyItsOwnEntriesAndAgreementsAndNeverTheMargin() {
        PartnerView first = PartnerView.partner(FIRST);
        assertThat(first.seesMargin()).isFalse();
        assertThat(first.parties(CO_CREATED_BOUGHT_BY_FIRST)).extracting(PartyAmount::direction)
                .containsExactly(PAYABLE_TO_PARTNER, OWED_BY_PARTNER);
        assertThat(first.parties(SOLD_THROUGH)).isEmpty();
        assertThat(first.agreements(List.of(new AgreementVersionRef(FIRST, "a1", 2),
                new AgreementVersionRef(SECOND, "a2", 1)))).containsExactly(new AgreementVersionRef(FIRST, "a1", 2));
    }

    @Test
    void theChargeIsSeenByItsSubmitterByWhoOwesItAndBySellThroughOwnersOnly() {
        assertThat(PartnerView.partner(OWNER).seesCharge(MEDIATION, "SELL_THROUGH", SOLD_THROUGH)).isTrue();
        assertThat(PartnerView.partner(BUYER).seesCharge(MEDIATION, "SELL_THROUGH", SOLD_THROUGH)).isTrue();
        assertThat(PartnerView.partner(BUYER).seesCharge(MEDIATION, "RESELL", RESOLD)).isTrue();
        // a co-creation participant sees its share, not the charge, unless it bought the product itself
        assertThat(PartnerView.partner(FIRST).seesCharge(MEDIATION, "CO_CREATED", CO_CREATED)).isFalse();
        assertThat(PartnerView.partner(SECOND).seesCharge(MEDIATION, "CO_CREATED", CO_CREATED_BOUGHT_BY_FIRST))
                .isFalse();
        assertThat(PartnerView.partner(FIRST).seesCharge(MEDIATION, "CO_CREATED", CO_CREATED_BOUGHT_BY_FIRST))
                .isTrue();
        // or sent the record itself (its quantity, priced from the catalog): the charge tells it nothing new
        assertThat(PartnerView.partner(FIRST).seesCharge(FIRST, "CO_CREATED", CO_CREATED)).isTrue();
        assertThat(PartnerView.partner(SECOND).seesCharge(FIRST, "CO_CREATED", CO_CREATED)).isFalse();
        // no party, and another's record (the CSP's own product, or another partner's)
        assertThat(PartnerView.partner(FIRST).seesCharge(MEDIATION, "OWN", List.of())).isFalse();
        assertThat(PartnerView.partner(FIRST).seesCharge(MEDIATION, "SELL_THROUGH", SOLD_THROUGH)).isFalse();
    }

    @Test
    void theCustomerReferenceIsSeenByItsSubmitterAndItsBuyerOnly() {
        assertThat(PartnerView.partner(BUYER).seesCustomerReference("mediation-eu", SOLD_THROUGH)).isTrue();
        assertThat(PartnerView.partner(OWNER).seesCustomerReference("mediation-eu", SOLD_THROUGH)).isFalse();
        assertThat(PartnerView.partner(OWNER).seesCustomerReference(OWNER, SOLD_THROUGH)).isTrue();
        assertThat(PartnerView.partner(FIRST).seesCustomerReference(FIRST, List.of())).isTrue();
        assertThat(PartnerView.partner(FIRST).seesCustomerReference("mediation-eu", CO_CREATED)).isFalse();
    }
}

package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AutoApprovalTests {

    private final AutoApproval policy = new AutoApproval(new AutoApprovalProperties(BigDecimal.TEN, List.of("MUSIC")));

    @Test
    void approvesPriceChangesWithinTheConfiguredPercentageUpOrDown() {
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("11.00"))).isTrue();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("9.00"))).isTrue();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("11.01"))).isFalse();
    }

    @Test
    void aStructuralChangeOrANewPriceGoesToAPartnerManager() {
        PriceDraft monthly = OfferingDrafts.monthly("monthly", "10", OfferingDrafts.START);
        PriceDraft yearly = new PriceDraft("monthly", monthly.name(), monthly.type(), monthly.amount(), "EUR",
                "STANDARD", PriceDraft.RecurringPeriod.YEAR, monthly.proration(), null, null, null, null, null,
                List.of(), null, List.of(), null, OfferingDrafts.START);
        assertThat(policy.approvesPriceChange(List.of(monthly), List.of(yearly))).isFalse();
        assertThat(policy.approvesPriceChange(List.of(monthly), List.of(monthly,
                OfferingDrafts.monthly("extra", "1", OfferingDrafts.START)))).isFalse();
    }

    @Test
    void approvesSubmissionsInListedCategoriesOnly() {
        OfferingDraft video = OfferingDrafts.single("v");
        assertThat(policy.approvesSubmission(video)).isFalse();
        assertThat(policy.approvesSubmission(new OfferingDraft("m", "M", null, "MUSIC", null, null, null, null,
                null, null, null, null, null))).isTrue();
    }

    private static List<PriceDraft> prices(String monthly) {
        return List.of(OfferingDrafts.monthly("monthly", monthly, OfferingDrafts.START).normalized());
    }
}

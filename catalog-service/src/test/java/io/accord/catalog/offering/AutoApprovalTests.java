package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AutoApprovalTests {

    private final AutoApproval policy = new AutoApproval(new AutoApprovalProperties(BigDecimal.TEN, List.of("MUSIC")));

    @Test
    void approvesPriceChangesWithinTheConfiguredPercentageUpOrDown() {
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("11.00"), reviewed("10.00"))).isTrue();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("9.00"), reviewed("10.00"))).isTrue();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("11.01"), reviewed("10.00"))).isFalse();
    }

    @Test
    void measuresAChangeAgainstTheReviewedBaselineNotOnlyAgainstThePolicysPreviousApproval() {
        // 11.00 is live, approved by the policy; a partner manager last saw 10.00
        assertThat(policy.approvesPriceChange(prices("11.00"), prices("12.10"), reviewed("10.00")))
                .as("+10% on the policy's +10% is +21% on what was reviewed").isFalse();
        assertThat(policy.approvesPriceChange(prices("11.00"), prices("10.50"), reviewed("10.00"))).isTrue();
        assertThat(policy.approvesPriceChange(prices("11.00"), prices("9.50"), reviewed("10.00")))
                .as("within 10% of the baseline but not of the live price").isFalse();
    }

    @Test
    void aChangedPriceWithoutAReviewedBaselineGoesToAPartnerManagerAnUnchangedOneDoesNotNeedOne() {
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("10.50"), Map.of())).isFalse();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("10.00"), Map.of())).isTrue();
    }

    @Test
    void aStructuralChangeOrANewPriceGoesToAPartnerManager() {
        PriceDraft monthly = OfferingDrafts.monthly("monthly", "10", OfferingDrafts.START);
        PriceDraft yearly = new PriceDraft("monthly", monthly.name(), monthly.type(), monthly.amount(), "EUR",
                "STANDARD", PriceDraft.RecurringPeriod.YEAR, monthly.proration(), null, null, null, null, null,
                List.of(), null, List.of(), null, OfferingDrafts.START);
        Map<String, PriceDraft> reviewed = Map.of("monthly", monthly);
        assertThat(policy.approvesPriceChange(List.of(monthly), List.of(yearly), reviewed)).isFalse();
        assertThat(policy.approvesPriceChange(List.of(monthly), List.of(monthly,
                OfferingDrafts.monthly("extra", "1", OfferingDrafts.START)), reviewed)).isFalse();
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

    private static Map<String, PriceDraft> reviewed(String monthly) {
        return Map.of("monthly", prices(monthly).getFirst());
    }
}

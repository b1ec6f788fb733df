package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AutoApprovalTests {

    /** The changes below start when they are proposed, unless a test says otherwise. */
    private static final Instant NOW = OfferingDrafts.START;

    private final AutoApproval policy = new AutoApproval(new AutoApprovalProperties(BigDecimal.TEN, List.of("MUSIC"),
            Duration.ofMinutes(5)));

    @Test
    void approvesPriceChangesWithinTheConfiguredPercentageUpOrDown() {
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("11.00"), reviewed("10.00"), NOW)).isTrue();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("9.00"), reviewed("10.00"), NOW)).isTrue();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("11.01"), reviewed("10.00"), NOW)).isFalse();
    }

    @Test
    void measuresAChangeAgainstTheReviewedBaselineNotOnlyAgainstThePolicysPreviousApproval() {
        // 11.00 is live, approved by the policy; a partner manager last saw 10.00
        assertThat(policy.approvesPriceChange(prices("11.00"), prices("12.10"), reviewed("10.00"), NOW))
                .as("+10% on the policy's +10% is +21% on what was reviewed").isFalse();
        assertThat(policy.approvesPriceChange(prices("11.00"), prices("10.50"), reviewed("10.00"), NOW)).isTrue();
        assertThat(policy.approvesPriceChange(prices("11.00"), prices("9.50"), reviewed("10.00"), NOW))
                .as("within 10% of the baseline but not of the live price").isFalse();
    }

    @Test
    void aChangedPriceWithoutAReviewedBaselineGoesToAPartnerManagerAnUnchangedOneDoesNotNeedOne() {
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("10.50"), Map.of(), NOW)).isFalse();
        assertThat(policy.approvesPriceChange(prices("10.00"), prices("10.00"), Map.of(), NOW)).isTrue();
    }

    @Test
    void aStructuralChangeOrANewPriceGoesToAPartnerManager() {
        PriceDraft monthly = OfferingDrafts.monthly("monthly", "10", OfferingDrafts.START);
        PriceDraft yearly = new PriceDraft("monthly", monthly.name(), monthly.type(), monthly.amount(), "EUR",
                "STANDARD", PriceDraft.RecurringPeriod.YEAR, monthly.proration(), null, null, null, null, null,
                List.of(), null, List.of(), null, OfferingDrafts.START);
        Map<String, PriceDraft> reviewed = Map.of("monthly", monthly);
        assertThat(policy.approvesPriceChange(List.of(monthly), List.of(yearly), reviewed, NOW)).isFalse();
        assertThat(policy.approvesPriceChange(List.of(monthly), List.of(monthly,
                OfferingDrafts.monthly("extra", "1", OfferingDrafts.START)), reviewed, NOW)).isFalse();
    }

    @Test
    void aBackdatedCorrectionAlwaysGoesToAPartnerManagerAStartWithinTheGraceCountsAsNow() {
        Instant sixMonthsAgo = NOW.minus(Duration.ofDays(182));
        Instant aMinuteAgo = NOW.minus(Duration.ofMinutes(1));

        assertThat(policy.approvesPriceChange(prices("1.00"), changed("1.09", sixMonthsAgo), reviewed("1.00"), NOW))
                .as("+9% from six months ago re-rates usage since then").isFalse();
        assertThat(policy.approvesPriceChange(prices("1.00"), changed("1.09", aMinuteAgo), reviewed("1.00"), NOW))
                .isTrue();
        assertThat(policy.approvesPriceChange(prices("1.00"), changed("1.09", NOW.plusSeconds(86_400)),
                reviewed("1.00"), NOW)).isTrue();
        assertThat(policy.approvesPriceChange(prices("1.00"), prices("1.00"), reviewed("1.00"),
                NOW.plus(Duration.ofDays(400)))).as("an unchanged price started long ago is no correction").isTrue();
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

    private static List<PriceDraft> changed(String monthly, Instant from) {
        return List.of(OfferingDrafts.monthly("monthly", monthly, from).normalized());
    }

    private static Map<String, PriceDraft> reviewed(String monthly) {
        return Map.of("monthly", prices(monthly).getFirst());
    }
}

package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.settlement.statement.StatementTestData.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** The share rule for a category and usage type: the most specific, as rating chooses it. */
class ShareRulesTests {

    private static final List<AgreementActivated.RevenueShare> RULES = List.of(
            rule(null, null, "50"), rule("video", null, "60"), rule(null, "RECURRING", "55"),
            rule("video", "RECURRING", "65"));

    @Test
    void categoryAndUsageTypeBeatCategoryBeatUsageTypeBeatTheWildcard() {
        assertThat(percent("video", "RECURRING")).isEqualTo("65");
        assertThat(percent("video", "ONE_TIME")).isEqualTo("60");
        assertThat(percent("music", "RECURRING")).isEqualTo("55");
        assertThat(percent("music", "ONE_TIME")).isEqualTo("50");
        assertThat(percent(null, "VOICE")).isEqualTo("50");
        assertThat(ShareRules.match(List.of(rule("video", null, "60")), "music", "VOICE")).isEmpty();
        assertThat(ShareRules.match(null, "video", "VOICE")).isEmpty();
    }

    private static String percent(String category, String usageType) {
        return ShareRules.match(RULES, category, usageType).orElseThrow().partnerSharePercent();
    }
}

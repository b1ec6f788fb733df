package io.accord.onboarding.agreement;

import io.accord.contracts.value.Money;
import io.accord.onboarding.agreement.AgreementTerms.VolumeTier;
import io.accord.platform.problem.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TermsRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void normalisesValidTermsToTheirDeclaredScales() {
        AgreementTerms terms = TermsRules.validated(AgreementFixtures.terms(), "terms");

        assertThat(terms.revenueShares().getFirst().partnerSharePercent()).isEqualByComparingTo("70")
                .hasScaleOf(TermsRules.PERCENT_SCALE);
        assertThat(terms.revenueShares().getFirst().tiers().getFirst().fromVolume())
                .hasScaleOf(TermsRules.VOLUME_SCALE);
        assertThat(terms.wholesaleRates().getFirst().price()).isEqualTo(Money.of("0.800000", "EUR"));
        assertThat(terms.taxTreatment().ratePercent()).isEqualTo(new BigDecimal("19.0000"));
    }

    static Stream<Arguments> invalidTerms() {
        return Stream.of(
                Arguments.of("negative percentage", new String[]{"\"partnerSharePercent\": 70", "\"partnerSharePercent\": -5"},
                        "terms.revenueShares[0].partnerSharePercent", "must not be negative"),
                Arguments.of("share over 100%", new String[]{"\"partnerSharePercent\": 80", "\"partnerSharePercent\": 100.5"},
                        "terms.revenueShares[0].tiers[1].partnerSharePercent", "must not exceed 100"),
                Arguments.of("unknown currency", new String[]{"\"currency\": \"EUR\",\n", "\"currency\": \"EUX\",\n"},
                        "terms.currency", "not an ISO 4217 currency"),
                Arguments.of("test currency", new String[]{"\"currency\": \"EUR\",\n", "\"currency\": \"XTS\",\n"},
                        "terms.currency", "not an ISO 4217 currency partners can be settled in"),
                Arguments.of("tiers out of order", new String[]{"\"fromVolume\": 50000", "\"fromVolume\": 5000"},
                        "terms.revenueShares[0].tiers[1].fromVolume", "ascending order"),
                Arguments.of("amount in another currency", new String[]{"{\"amount\": 100, \"currency\": \"EUR\"}",
                                "{\"amount\": 100, \"currency\": \"USD\"}"},
                        "terms.minimumMonthlyGuarantee.currency", "agreement currency EUR"),
                Arguments.of("negative amount", new String[]{"\"amount\": 0.8", "\"amount\": -0.8"},
                        "terms.wholesaleRates[0].price.amount", "must not be negative"),
                Arguments.of("too precise a percentage", new String[]{"\"percent\": 0.5", "\"percent\": 0.123456"},
                        "terms.reconciliationTolerance.percent", "at most 4 decimal places"),
                Arguments.of("missing settlement cycle", new String[]{"\"settlementCycle\": \"MONTHLY\", ", ""},
                        "terms.settlementCycle", "is required"),
                Arguments.of("dispute window out of range", new String[]{"\"disputeWindowDays\": 60", "\"disputeWindowDays\": 0"},
                        "terms.disputeWindowDays", "between 1 and 365"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTerms")
    void refusesInvalidTermsNamingTheField(String name, String[] change, String field, String message) {
        AgreementTerms terms = JSON.readValue(AgreementFixtures.termsJson(change), AgreementTerms.class);

        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> TermsRules.validated(terms, "terms"));

        assertThat(refused).as(name).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).contains(message);
    }

    @Test
    void refusesTwoRulesForTheSameCategoryAndUsageType() {
        AgreementTerms base = AgreementFixtures.terms();
        AgreementTerms twice = new AgreementTerms(base.currency(),
                List.of(base.revenueShares().getFirst(), base.revenueShares().getFirst()), base.wholesaleRates(),
                base.minimumMonthlyGuarantee(), base.settlementCycle(), base.paymentTermsDays(), base.taxTreatment(),
                base.reconciliationTolerance(), base.disputeWindowDays(), base.validityMonths());

        assertThatThrownBy(() -> TermsRules.validated(twice, "terms")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("terms.revenueShares[1]");
    }

    @Test
    void refusesTermsWithNeitherARevenueShareNorAWholesaleRate() {
        AgreementTerms base = AgreementFixtures.terms();
        AgreementTerms empty = new AgreementTerms(base.currency(), List.of(), null, base.minimumMonthlyGuarantee(),
                base.settlementCycle(), base.paymentTermsDays(), base.taxTreatment(), base.reconciliationTolerance(),
                base.disputeWindowDays(), base.validityMonths());

        assertThatThrownBy(() -> TermsRules.validated(empty, "terms")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least one revenue-share rule or wholesale rate");
    }

    @Property
    void acceptsVolumeTiersExactlyWhenTheyAscend(
            @ForAll @Size(min = 1, max = 6) @UniqueElements List<@IntRange(min = 1, max = 1_000_000) Integer> volumes) {
        List<VolumeTier> tiers = new ArrayList<>();
        volumes.forEach(volume -> tiers.add(new VolumeTier(BigDecimal.valueOf(volume), BigDecimal.TEN)));
        boolean ascending = volumes.equals(volumes.stream().sorted().toList());

        boolean accepted;
        try {
            TermsRules.validated(AgreementFixtures.terms(tiers), "terms");
            accepted = true;
        } catch (InvalidInputException refused) {
            accepted = false;
        }

        assertThat(accepted).isEqualTo(ascending);
    }
}

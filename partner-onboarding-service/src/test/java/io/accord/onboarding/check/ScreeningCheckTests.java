package io.accord.onboarding.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningCheckTests {

    private static final List<DenylistEntry> DENYLIST = List.of(
            new DenylistEntry("Globex Corporation", "EU consolidated sanctions list"),
            new DenylistEntry("Ivan Petrov", "internal: fraud case 2024-17"),
            new DenylistEntry("Rosneft Trading S.A.", "OFAC SDN"));

    private final ScreeningCheck check = new ScreeningCheck(() -> DENYLIST, 0.9);

    @Test
    void aCleanApplicantPassesNamingWhatWasScreened() {
        CheckResult result = check.check(TestApplicants.clean().build());

        assertThat(result.isPassed()).isTrue();
        assertThat(result.reason()).isEqualTo("5 names (legal name, trading name, commercial contact, technical"
                + " contact, billing contact) screened against 3 denylist entries: no match");
    }

    @Test
    void catchesTheLegalNameDespiteCaseAccentsAndLegalForm() {
        CheckResult result = check.check(TestApplicants.clean().legalName("GLÖBEX Ltd.").build());

        assertThat(result.isPassed()).isFalse();
        assertThat(result.reason()).isEqualTo("legal name 'GLÖBEX Ltd.' matches denylist entry 'Globex Corporation'"
                + " (same name after normalisation; EU consolidated sanctions list)");
    }

    @Test
    void catchesAContactWhoseNameIsWrittenTheOtherWayRound() {
        CheckResult result = check.check(TestApplicants.clean()
                .technical(new Contact("PETROV, Ivan", "ip@streamly.example", null)).build());

        assertThat(result.reason()).isEqualTo("technical contact 'PETROV, Ivan' matches denylist entry 'Ivan Petrov'"
                + " (same words; internal: fraud case 2024-17)");
    }

    @Test
    void catchesATypoAboveTheThreshold() {
        CheckResult result = check.check(TestApplicants.clean().tradingName("Rosnef Trading").build());

        assertThat(result.reason()).isEqualTo("trading name 'Rosnef Trading' matches denylist entry 'Rosneft Trading"
                + " S.A.' (similarity 0.93; OFAC SDN)");
        assertThat(new ScreeningCheck(() -> DENYLIST, 0.95).check(TestApplicants.clean().tradingName("Rosnef Trading")
                .build()).isPassed()).as("a stricter threshold").isTrue();
    }

    @Test
    void readsTheDenylistOnEveryRun() {
        List<DenylistEntry> list = new ArrayList<>();
        ScreeningCheck live = new ScreeningCheck(() -> List.copyOf(list), 0.9);
        assertThat(live.check(TestApplicants.clean().build()).isPassed()).isTrue();

        list.add(new DenylistEntry("Streamly Media", "added later"));

        assertThat(live.check(TestApplicants.clean().build()).isPassed()).isFalse();
    }
}

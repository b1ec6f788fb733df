package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever staff, partners and the clock do, in any order, a partner never has two versions in force. */
class AgreementInvariantPropertyTests {

    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    enum Action { DRAFT, PROPOSE, COUNTERSIGN, TERMINATE, APPLY_DUE }

    record Step(Action action, int hoursLater, int effectiveInDays, int validityDays, int pick) {
    }

    @Property(tries = 400)
    void neverTwoVersionsInForceAndNeverTwoOpen(@ForAll("scenarios") List<Step> steps) {
        AgreementHistory history = new AgreementHistory(PartnerId.newId(), T0);
        history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        Instant now = T0;
        for (Step step : steps) {
            now = now.plus(Duration.ofHours(step.hoursLater()));
            try {
                apply(history, step, now);
            } catch (ConflictException illegal) {
                // an illegal step is refused and changes nothing; the invariants below still hold
            }
            assertInvariants(history, now);
        }
    }

    private static void apply(AgreementHistory history, Step step, Instant now) {
        List<Agreement> versions = history.versions();
        Agreement picked = versions.get(step.pick() % versions.size());
        switch (step.action()) {
            case DRAFT -> {
                Instant effective = now.plus(Duration.ofDays(step.effectiveInDays()));
                history.draft(AgreementFixtures.draft(effective, step.validityDays() == 0 ? null
                        : effective.plus(Duration.ofDays(step.validityDays()))), now, "pm");
            }
            case PROPOSE -> {
                history.propose(picked.agreementId(), "pm", now);
                history.approveTerms(picked.agreementId(), "pm-second", now);
            }
            case COUNTERSIGN -> history.countersign(picked.agreementId(), "pa", now);
            case TERMINATE -> history.terminate(picked.agreementId(), "ended", now);
            case APPLY_DUE -> history.applyDueTransitions(now);
        }
    }

    private static void assertInvariants(AgreementHistory history, Instant now) {
        List<Agreement> versions = history.versions();
        assertThat(versions).filteredOn(v -> v.status() == AgreementStatus.ACTIVE).hasSizeLessThanOrEqualTo(1);
        assertThat(versions).filteredOn(v -> v.status().isOpen()).hasSizeLessThanOrEqualTo(1);
        List<Instant> probes = new ArrayList<>(List.of(now));
        versions.stream().filter(v -> v.inForceFrom() != null).forEach(v -> {
            probes.add(v.inForceFrom());
            if (v.inForceUntil() != null) {
                probes.add(v.inForceUntil().minusNanos(1));
            }
        });
        for (Instant probe : probes) {
            assertThat(versions).as("versions in force at %s", probe)
                    .filteredOn(v -> v.isInForceAt(probe)).hasSizeLessThanOrEqualTo(1);
        }
        versions.stream().filter(v -> v.inForceFrom() != null && v.inForceUntil() != null)
                .forEach(v -> assertThat(v.inForceUntil()).isAfterOrEqualTo(v.inForceFrom()));
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(Action.class),
                Arbitraries.integers().between(0, 24 * 20),
                Arbitraries.integers().between(-5, 30),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 10)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(25);
    }
}

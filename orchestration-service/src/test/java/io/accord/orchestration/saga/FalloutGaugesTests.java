package io.accord.orchestration.saga;

import io.accord.testsupport.AccordServiceTest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.accord.orchestration.saga.MeteredScriptedStep.metered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gauge of the open fallout queue follows it by saga state and step type: a step that keeps failing counts
 * under RUNNING until ops skip it, a compensation that failed under FAILED until ops retry it. Counted for a step
 * type only these tests use, as other tests' sagas come and go meanwhile.
 */
@AccordServiceTest
class FalloutGaugesTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Sagas sagas;
    private final MeterRegistry meters;

    FalloutGaugesTests(Sagas sagas, MeterRegistry meters) {
        this.sagas = sagas;
        this.meters = meters;
    }

    @Test
    void aStepThatKeepsFailingCountsAsOpenUntilOpsSkipIt() {
        assertThat(open("RUNNING")).isZero();
        SagaView saga = sagas.start("gauge-stuck", List.of(metered("activate", List.of("RETRY"), List.of())
                .withRetries(5, Duration.ofHours(1), Duration.ofHours(1))));

        await().atMost(PATIENCE).until(() -> open("RUNNING") == 1);
        assertThat(open("FAILED")).isZero();

        sagas.skip(saga.id(), "activated by hand");
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPLETED);
        await().atMost(PATIENCE).until(() -> open("RUNNING") == 0);
    }

    @Test
    void aFailedCompensationCountsAsOpenUntilOpsRetryIt() {
        SagaView saga = sagas.start("gauge-failed", List.of(
                metered("reserve", List.of("DONE"), List.of("FAIL", "DONE")),
                metered("activate", List.of("FAIL"), List.of())));
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.FAILED);

        await().atMost(PATIENCE).until(() -> open("FAILED") == 1);

        sagas.retry(saga.id());
        await().atMost(PATIENCE).until(() -> sagas.find(saga.id()).orElseThrow().state() == SagaState.COMPENSATED);
        await("compensated sagas are final, not open").atMost(PATIENCE)
                .until(() -> open("FAILED") == 0 && open("COMPENSATING") == 0);
    }

    private double open(String state) {
        Gauge gauge = meters.get(FalloutGauges.METER).tags("state", state, "step", MeteredScriptedStep.TYPE).gauge();
        return gauge.value();
    }
}

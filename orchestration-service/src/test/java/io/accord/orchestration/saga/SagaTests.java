package io.accord.orchestration.saga;

import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The saga's state machine on its own: transitions, retries, timeouts, compensation order, guards. */
class SagaTests {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void runsStepsInOrderAndCompletes() {
        Saga saga = saga(3, 3);

        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Saga.Work work = saga.claim(now, LEASE).orElseThrow();
            ran.add(work.step().position);
            assertThat(work.step().state).isEqualTo(StepState.RUNNING);
            assertThat(saga.record(work, StepOutcome.done(), now)).isTrue();
        }

        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(saga.state).isEqualTo(SagaState.COMPLETED);
        assertThat(saga.claim(now, LEASE)).isEmpty();
    }

    @Test
    void aRetryableFailureWaitsTheBackoffAndGivesUpAtTheCapThenCompensatesInReverse() {
        Saga saga = saga(3, 2);
        done(saga);
        done(saga);

        Saga.Work first = saga.claim(now, LEASE).orElseThrow();
        saga.record(first, StepOutcome.retry("partner busy"), now);
        assertThat(saga.steps.get(2).state).isEqualTo(StepState.PENDING);
        assertThat(saga.nextRunAt).isEqualTo(now.plusSeconds(1));
        assertThat(saga.claim(now, LEASE)).as("not due before the backoff").isEmpty();

        now = now.plusSeconds(1);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.retry("partner busy"), now);

        assertThat(saga.state).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.failureReason).isEqualTo("gave up after 2 attempts: partner busy");
        assertThat(saga.failedStepId).isEqualTo(saga.steps.get(2).id);
        List<Integer> undone = new ArrayList<>();
        while (saga.state == SagaState.COMPENSATING) {
            Saga.Work work = saga.claim(now, LEASE).orElseThrow();
            assertThat(work.direction()).isEqualTo(Saga.Direction.COMPENSATE);
            undone.add(work.step().position);
            saga.record(work, StepOutcome.done(), now);
        }
        assertThat(undone).containsExactly(1, 0);
        assertThat(saga.state).isEqualTo(SagaState.COMPENSATED);
        assertThat(saga.steps).extracting(step -> step.state)
                .containsExactly(StepState.COMPENSATED, StepState.COMPENSATED, StepState.FAILED);
    }

    @Test
    void aWaitingStepIsCompletedByItsAcknowledgement() {
        Saga saga = saga(2, 3);
        Saga.Work work = saga.claim(now, LEASE).orElseThrow();
        saga.record(work, StepOutcome.waitingForAck(Duration.ofMinutes(5)), now);
        assertThat(saga.steps.get(0).state).isEqualTo(StepState.WAITING);
        assertThat(saga.claim(now.plusSeconds(10), LEASE)).as("nothing to run while waiting").isEmpty();

        saga.acknowledge(work.step().id, Acknowledgement.success(), now);

        assertThat(saga.steps.get(0).state).isEqualTo(StepState.DONE);
        assertThat(saga.claim(now, LEASE).orElseThrow().step().position).isEqualTo(1);
        assertThatThrownBy(() -> saga.acknowledge(work.step().id, Acknowledgement.success(), now))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anAcknowledgementArrivingWhileTheRequestIsInFlightIsAppliedWhenItReturns() {
        Saga saga = saga(1, 3);
        Saga.Work work = saga.claim(now, LEASE).orElseThrow();

        saga.acknowledge(work.step().id, Acknowledgement.success(), now);
        saga.record(work, StepOutcome.waitingForAck(Duration.ofMinutes(5)), now);

        assertThat(saga.state).isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void aRefusalFailsTheStepWithoutUndoingItAndCompensatesTheOthers() {
        Saga saga = saga(2, 3);
        done(saga);
        Saga.Work work = saga.claim(now, LEASE).orElseThrow();
        saga.record(work, StepOutcome.waitingForAck(Duration.ofMinutes(5)), now);

        saga.acknowledge(work.step().id, Acknowledgement.failure("unknown SIM"), now);

        assertThat(saga.failureReason).isEqualTo("refused: unknown SIM");
        assertThat(saga.claim(now, LEASE).orElseThrow().step().position).isEqualTo(0);
    }

    @Test
    void aWaitingStepTimesOutAndIsUndoneItselfSinceTheOtherSideMayHaveActed() {
        Saga saga = saga(2, 3);
        done(saga);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.waitingForAck(Duration.ofSeconds(30)), now);

        assertThat(saga.claim(now.plusSeconds(29), LEASE)).isEmpty();
        assertThat(saga.state).isEqualTo(SagaState.RUNNING);
        now = now.plusSeconds(30);
        assertThat(saga.claim(now, LEASE)).as("the timeout itself runs no handler").isEmpty();

        assertThat(saga.state).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.failureReason).startsWith("no acknowledgement within");
        assertThat(compensationOrder(saga)).containsExactly(1, 0);
    }

    @Test
    void aStepLeftRunningByACrashedRunnerIsResumedOnlyAfterItsLeaseAndTheOldOutcomeIsDropped() {
        Saga saga = saga(1, 3);
        Saga.Work crashed = saga.claim(now, LEASE).orElseThrow();

        assertThat(saga.claim(now.plusSeconds(60), LEASE)).as("leased").isEmpty();
        Saga.Work resumed = saga.claim(now.plus(LEASE), LEASE).orElseThrow();

        assertThat(resumed.step().id).isEqualTo(crashed.step().id);
        assertThat(resumed.step().attempts).isEqualTo(2);
        assertThat(saga.record(crashed, StepOutcome.fail("late"), now)).isFalse();
        assertThat(saga.record(resumed, StepOutcome.done(), now)).isTrue();
        assertThat(saga.state).isEqualTo(SagaState.COMPLETED);
    }

    @Test
    void aStepWhoseEveryAttemptLostItsLeaseFailsAndIsUndoneInsteadOfRunningAgainForGood() {
        Saga saga = saga(2, 2);
        done(saga);
        saga.claim(now, LEASE).orElseThrow();
        now = now.plus(LEASE);
        Saga.Work second = saga.claim(now, LEASE).orElseThrow();
        assertThat(second.step().attempts).isEqualTo(2);

        now = now.plus(LEASE);
        assertThat(saga.claim(now, LEASE)).as("no third attempt: the budget is 2").isEmpty();

        assertThat(saga.state).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.steps.get(1).state).isEqualTo(StepState.FAILED);
        assertThat(saga.failureReason).isEqualTo("no outcome of attempt 2 before its lease ran out, and no attempts"
                + " left");
        assertThat(saga.record(second, StepOutcome.done(), now)).as("the lapsed lease's outcome").isFalse();
        // its request may have gone out: it is undone with the step before it
        assertThat(compensationOrder(saga)).containsExactly(1, 0);
        assertThat(saga.state).isEqualTo(SagaState.COMPENSATED);
    }

    @Test
    void aCompensationWhoseEveryAttemptLostItsLeaseWaitsForOps() {
        Saga saga = saga(2, 1);
        done(saga);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.fail("refused"), now);
        Saga.Work undo = saga.claim(now, LEASE).orElseThrow();
        assertThat(undo.direction()).isEqualTo(Saga.Direction.COMPENSATE);

        now = now.plus(LEASE);
        assertThat(saga.claim(now, LEASE)).isEmpty();

        assertThat(saga.state).isEqualTo(SagaState.FAILED);
        assertThat(saga.steps.get(0).lastError).isEqualTo("compensation: no outcome of attempt 1 before its lease"
                + " ran out, and no attempts left");
        saga.retry(now);
        assertThat(saga.claim(now, LEASE)).as("ops gave it its budget again").isPresent();
    }

    @Test
    void aCompensationThatCannotBeDoneWaitsForOpsWhoRetryOrSkipIt() {
        Saga saga = saga(3, 3);
        done(saga);
        done(saga);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.fail("no such product"), now);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.fail("cannot deactivate"), now);
        assertThat(saga.state).isEqualTo(SagaState.FAILED);
        assertThat(saga.steps.get(1).lastError).isEqualTo("compensation: cannot deactivate");
        assertThat(saga.claim(now, LEASE)).isEmpty();

        saga.retry(now);
        Saga.Work again = saga.claim(now, LEASE).orElseThrow();
        assertThat(again.step().position).isEqualTo(1);
        assertThat(again.step().attempts).isEqualTo(1);
        saga.record(again, StepOutcome.fail("still cannot"), now);

        assertThatThrownBy(() -> saga.skip(" ", now)).isInstanceOf(InvalidInputException.class);
        saga.skip("deactivated by hand", now);
        assertThat(saga.steps.get(1).state).isEqualTo(StepState.SKIPPED);
        assertThat(compensationOrder(saga)).containsExactly(0);
        assertThat(saga.state).isEqualTo(SagaState.COMPENSATED);
    }

    @Test
    void opsSkipAStuckStepAndTheSagaGoesOn() {
        Saga saga = saga(2, 5);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.retry("down"), now);

        saga.skip("done by hand", now);

        assertThat(saga.steps.get(0).state).isEqualTo(StepState.SKIPPED);
        assertThat(saga.steps.get(0).skipReason).isEqualTo("done by hand");
        assertThat(saga.claim(now, LEASE).orElseThrow().step().position).isEqualTo(1);
    }

    @Test
    void opsCancelARunningSagaAndOnlyARunningOne() {
        Saga saga = saga(2, 5);
        done(saga);
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.waitingForAck(Duration.ofHours(1)), now);

        saga.cancel("customer withdrew", now);

        assertThat(saga.failureReason).isEqualTo("cancelled: customer withdrew");
        assertThat(compensationOrder(saga)).as("the waiting step's request is undone too").containsExactly(1, 0);
        assertThatThrownBy(() -> saga.cancel("again", now)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> saga.retry(now)).isInstanceOf(ConflictException.class);
    }

    @Test
    void opsActionsWaitWhileARunnerHoldsTheStep() {
        Saga saga = saga(1, 5);
        saga.claim(now, LEASE).orElseThrow();

        assertThatThrownBy(() -> saga.cancel("now", now)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("being worked");
    }

    private List<Integer> compensationOrder(Saga saga) {
        List<Integer> undone = new ArrayList<>();
        while (saga.state == SagaState.COMPENSATING) {
            Saga.Work work = saga.claim(now, LEASE).orElseThrow();
            undone.add(work.step().position);
            saga.record(work, StepOutcome.done(), now);
        }
        return undone;
    }

    private void done(Saga saga) {
        saga.record(saga.claim(now, LEASE).orElseThrow(), StepOutcome.done(), now);
    }

    private Saga saga(int steps, int maxAttempts) {
        return Saga.start("order-1", IntStream.range(0, steps).mapToObj(position -> SagaStep.pending(position,
                "TEST", JSON.createObjectNode(), maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(1), now))
                .toList(), now);
    }
}

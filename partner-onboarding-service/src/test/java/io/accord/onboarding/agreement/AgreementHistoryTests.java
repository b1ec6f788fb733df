package io.accord.onboarding.agreement;

import io.accord.contracts.events.AgreementActivated;
import io.accord.contracts.events.AgreementExpired;
import io.accord.contracts.events.AgreementSuperseded;
import io.accord.contracts.events.AgreementTerminated;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgreementHistoryTests {

    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    private final AgreementHistory history = new AgreementHistory(PartnerId.newId(), T0);

    @Test
    void theFirstVersionApprovedByPolicyIsInForceAtOnce() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");

        assertThat(first.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(first.inForceFrom()).isEqualTo(T0);
        assertThat(history.inForceAt(T0.plus(days(400)))).contains(first);
        assertThat(history.pullEvents()).singleElement().isInstanceOfSatisfying(AgreementActivated.class,
                activated -> {
                    assertThat(activated.version()).isEqualTo(1);
                    assertThat(activated.supersededAgreementId()).isNull();
                    assertThat(activated.terms().revenueShares().getFirst().partnerSharePercent())
                            .isEqualTo("70.0000");
                });
    }

    @Test
    void aFutureDatedAmendmentWaitsAndSupersedesTheCurrentVersionAtItsEffectiveDate() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        Instant effective = T0.plus(days(10));
        Agreement amendment = history.draft(AgreementFixtures.draft(effective, null), T0.plus(days(1)), "pm");
        history.propose(amendment.agreementId(), "pm", T0.plus(days(1)));
        history.approveTerms(amendment.agreementId(), "pm-second", T0.plus(days(1)));
        history.countersign(amendment.agreementId(), "partner-admin", T0.plus(days(2)));
        history.pullEvents();

        assertThat(amendment.status()).isEqualTo(AgreementStatus.APPROVED);
        assertThat(first.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(history.applyDueTransitions(effective.minusSeconds(1))).isZero();

        assertThat(history.applyDueTransitions(effective.plusSeconds(30))).isEqualTo(2);

        assertThat(first.status()).isEqualTo(AgreementStatus.SUPERSEDED);
        assertThat(first.inForceUntil()).isEqualTo(effective);
        assertThat(amendment.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(amendment.inForceFrom()).isEqualTo(effective);
        assertThat(history.pullEvents()).satisfiesExactly(
                superseded -> assertThat(superseded).isInstanceOfSatisfying(AgreementSuperseded.class, event -> {
                    assertThat(event.agreementId()).isEqualTo(first.id().toString());
                    assertThat(event.inForceUntil()).isEqualTo(effective);
                    assertThat(event.supersededByAgreementId()).isEqualTo(amendment.id().toString());
                }),
                activated -> assertThat(activated).isInstanceOfSatisfying(AgreementActivated.class, event -> {
                    assertThat(event.agreementId()).isEqualTo(amendment.id().toString());
                    assertThat(event.version()).isEqualTo(2);
                    assertThat(event.inForceFrom()).isEqualTo(effective);
                    assertThat(event.supersededAgreementId()).isEqualTo(first.id().toString());
                }));
        assertThat(history.inForceAt(effective.minusMillis(1))).contains(first);
        assertThat(history.inForceAt(effective)).contains(amendment);
    }

    @Test
    void aDueVersionIsInForceEvenBeforeTheJobSwitchesIt() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        Instant effective = T0.plus(days(10));
        Agreement amendment = signedAmendment(effective, T0.plus(days(1)));

        assertThat(history.inForceAt(effective.minusSeconds(1))).contains(first);
        assertThat(history.inForceAt(effective)).contains(amendment);
        assertThat(amendment.status()).isEqualTo(AgreementStatus.APPROVED);
    }

    @Test
    void aCountersignatureAfterTheEffectiveDateBringsTheVersionInFromTheSignature() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        Instant signedAt = T0.plus(days(20));

        Agreement amendment = signedAmendment(T0.plus(days(10)), signedAt);

        assertThat(amendment.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(amendment.inForceFrom()).isEqualTo(signedAt);
        assertThat(first.inForceUntil()).isEqualTo(signedAt);
    }

    @Test
    void aVersionExpiresAtTheEndOfItsValidityAndANewerOneDoesNotSupersedeIt() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, T0.plus(days(30))), T0, "system");
        Agreement renewal = signedAmendment(T0.plus(days(40)), T0.plus(days(5)));
        history.pullEvents();

        history.applyDueTransitions(T0.plus(days(30)));

        assertThat(first.status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(history.inForceAt(T0.plus(days(35)))).isEmpty();
        assertThat(history.pullEvents()).singleElement().isInstanceOf(AgreementExpired.class);

        history.applyDueTransitions(T0.plus(days(41)));

        assertThat(renewal.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(history.pullEvents()).singleElement().isInstanceOfSatisfying(AgreementActivated.class,
                event -> assertThat(event.supersededAgreementId()).isNull());
    }

    @Test
    void terminationEndsTheVersionInForceNow() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        history.pullEvents();

        history.terminate(first.agreementId(), "breach of contract", T0.plus(days(3)));

        assertThat(first.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(first.inForceUntil()).isEqualTo(T0.plus(days(3)));
        assertThat(history.inForceAt(T0.plus(days(4)))).isEmpty();
        assertThat(history.pullEvents()).singleElement().isInstanceOfSatisfying(AgreementTerminated.class,
                event -> assertThat(event.previousStatus()).isEqualTo("ACTIVE"));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        Agreement first = history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        Agreement draft = history.draft(AgreementFixtures.draft(T0.plus(days(10)), null), T0, "pm");

        assertThatThrownBy(() -> history.countersign(draft.agreementId(), "pa", T0))
                .isInstanceOf(ConflictException.class).hasMessageContaining("DRAFT, not PENDING_APPROVAL");
        assertThatThrownBy(() -> history.draft(AgreementFixtures.draft(T0.plus(days(20)), null), T0, "pm"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2 DRAFT");
        assertThatThrownBy(() -> history.startApproved(AgreementFixtures.draft(T0, null), T0, "system"))
                .isInstanceOf(ConflictException.class);
        history.propose(draft.agreementId(), "pm", T0);
        history.approveTerms(draft.agreementId(), "pm-second", T0);
        assertThatThrownBy(() -> history.propose(draft.agreementId(), "pm", T0)).isInstanceOf(ConflictException.class);
        history.countersign(draft.agreementId(), "pa", T0);
        history.applyDueTransitions(T0.plus(days(10)));
        assertThatThrownBy(() -> history.terminate(first.agreementId(), "late", T0.plus(days(11))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already SUPERSEDED");
    }

    @Test
    void aVersionWhoseValidityEndedCanNoLongerBeCountersigned() {
        history.startApproved(AgreementFixtures.draft(T0, null), T0, "system");
        Agreement late = history.draft(AgreementFixtures.draft(T0.plus(days(1)), T0.plus(days(5))), T0, "pm");
        history.propose(late.agreementId(), "pm", T0);
        history.approveTerms(late.agreementId(), "pm-second", T0);

        assertThatThrownBy(() -> history.countersign(late.agreementId(), "pa", T0.plus(days(6))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("validity period");
    }

    private Agreement signedAmendment(Instant effective, Instant signedAt) {
        Agreement amendment = history.draft(AgreementFixtures.draft(effective, null), T0, "pm");
        history.propose(amendment.agreementId(), "pm", T0);
        history.approveTerms(amendment.agreementId(), "pm-second", T0);
        history.countersign(amendment.agreementId(), "partner-admin", signedAt);
        return amendment;
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }
}

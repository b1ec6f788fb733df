package io.accord.dispute.dispute;

import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputeTests {

    private static final Instant NOW = Instant.parse("2026-11-10T09:00:00Z");

    private static Dispute open(String amount) {
        Dispute dispute = new Dispute(UUID.randomUUID(), UUID.randomUUID(), Category.RATE, new BigDecimal(amount),
                "EUR", "rate", "s-1", Dispute.Source.PARTNER, null,
                List.of(new Dispute.Item("StatementLine", "l-1", new BigDecimal(amount))), "pa", NOW,
                NOW.plusSeconds(86_400), NOW.plusSeconds(864_000));
        dispute.opened();
        return dispute;
    }

    private static Dispute.Proposal proposal(String amount) {
        return new Dispute.Proposal("CREDIT_PARTNER", new BigDecimal(amount), "re-rated", "fin", NOW);
    }

    @Test
    void goesFromOpenThroughReviewAndProposalToResolvedAndClosed() {
        Dispute dispute = open("100");
        dispute.startReview("fin", NOW);
        dispute.propose(proposal("100"));
        dispute.accept("pa", null, "adj-1", NOW);
        assertThat(dispute.state).isEqualTo(DisputeState.RESOLVED);
        assertThat(dispute.outcome).isEqualTo("ACCEPTED");
        assertThat(dispute.adjustmentId).isEqualTo("adj-1");
        dispute.close("fin", NOW);
        assertThat(dispute.history).extracting(Dispute.StatusChange::state).containsExactly("open", "inReview",
                "resolutionProposed", "accepted", "resolved", "closed");
    }

    @Test
    void aPartialCreditIsPartiallyAcceptedAndAZeroProposalMovesNoMoney() {
        Dispute partial = open("100");
        partial.startReview("fin", NOW);
        partial.propose(proposal("40"));
        partial.accept("pa", null, "adj", NOW);
        assertThat(partial.outcome).isEqualTo("PARTIALLY_ACCEPTED");

        Dispute none = open("100");
        none.startReview("fin", NOW);
        none.propose(proposal("0"));
        none.accept("pa", null, "adj", NOW);
        assertThat(none.outcome).isEqualTo("REJECTED");
        assertThat(none.adjustmentId).isNull();
    }

    @Test
    void aChargeThePartnerAcceptsIsCounterChargedNotAcceptedAndSilenceNeverAcceptsIt() {
        Dispute dispute = open("100");
        dispute.startReview("fin", NOW);
        dispute.propose(new Dispute.Proposal("DEBIT_PARTNER", new BigDecimal("3.33"), "usage confirmed", "fin",
                NOW));
        assertThat(dispute.autoAcceptable()).isFalse();
        dispute.accept("pa", null, "adj", NOW);
        assertThat(dispute.outcome).isEqualTo("COUNTER_CHARGED");
        assertThat(dispute.adjustmentId).isEqualTo("adj");

        Dispute credit = open("100");
        credit.startReview("fin", NOW);
        credit.propose(proposal("3.33"));
        assertThat(credit.autoAcceptable()).isTrue();
    }

    @Test
    void aProposalOfTheDisputedAmountInMinorUnitsIsFullyAccepted() {
        // opened to 6 decimals, proposed in cents: 50.12 is the whole of 50.123456 EUR (HALF_EVEN, as Money rounds)
        Dispute dispute = open("50.123456");
        assertThat(dispute.payableDisputedAmount()).isEqualByComparingTo("50.12");
        dispute.startReview("fin", NOW);
        dispute.propose(proposal("50.12"));
        dispute.accept("pa", null, "adj", NOW);
        assertThat(dispute.outcome).isEqualTo("ACCEPTED");

        Dispute below = open("50.123456");
        below.startReview("fin", NOW);
        below.propose(proposal("50.11"));
        below.accept("pa", null, "adj", NOW);
        assertThat(below.outcome).isEqualTo("PARTIALLY_ACCEPTED");
    }

    @Test
    void aRejectionRecordsItsReasonAndReturnsToReview() {
        Dispute dispute = open("100");
        dispute.startReview("fin", NOW);
        dispute.propose(proposal("10"));
        dispute.reject("pa", "too little", NOW);
        assertThat(dispute.state).isEqualTo(DisputeState.IN_REVIEW);
        assertThat(dispute.rejectionReason).isEqualTo("too little");
        assertThat(dispute.history).extracting(Dispute.StatusChange::state).endsWith("rejected", "inReview");
        dispute.propose(proposal("100"));
        assertThat(dispute.state).isEqualTo(DisputeState.RESOLUTION_PROPOSED);
    }

    @Test
    void aRejectedProposalStaysWithWhoRejectedItWhenAndWhyUntilTheNextReplacesIt() {
        Dispute dispute = open("100");
        dispute.startReview("fin", NOW);
        dispute.propose(proposal("10"));
        dispute.reject("pa", "too little", NOW.plusSeconds(60));
        assertThat(dispute.proposal.state()).isEqualTo("rejected");
        assertThat(dispute.proposal.amount()).isEqualByComparingTo("10");
        assertThat(dispute.proposal.proposedBy()).isEqualTo("fin");
        assertThat(dispute.proposal.rejectedBy()).isEqualTo("pa");
        assertThat(dispute.proposal.rejectedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(dispute.proposal.rejectionReason()).isEqualTo("too little");

        dispute.propose(proposal("40"));
        assertThat(dispute.proposal.state()).isEqualTo("proposed");
        assertThat(dispute.proposal.amount()).isEqualByComparingTo("40");
        assertThat(dispute.proposal.rejectedBy()).isNull();
        assertThat(dispute.proposal.rejectionReason()).isNull();
        dispute.withdraw("pa", "settled by phone", NOW);
        assertThat(dispute.proposal.state()).isEqualTo("withdrawn");
    }

    @Test
    void illegalTransitionsAreRefused() {
        Dispute dispute = open("100");
        assertThatThrownBy(() -> dispute.propose(proposal("1"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is open");
        assertThatThrownBy(() -> dispute.accept("pa", null, "a", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> dispute.close("fin", NOW)).isInstanceOf(ConflictException.class);
        dispute.withdraw("pa", "settled", NOW);
        assertThatThrownBy(() -> dispute.withdraw("pa", "again", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> dispute.startReview("fin", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aResolvedDisputeCanNoLongerBeWithdrawnOrEscalated() {
        Dispute dispute = open("100");
        dispute.startReview("fin", NOW);
        dispute.propose(proposal("100"));
        dispute.accept("pa", null, "adj", NOW);
        assertThatThrownBy(() -> dispute.withdraw("pa", "late", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> dispute.escalate("partner-manager", "pa", Dispute.PARTNER, "late", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void escalationGoesToTheRoleAndReviewResumesFromIt() {
        Dispute dispute = open("100");
        dispute.escalate("partner-manager", "pa", Dispute.PARTNER, "no answer", NOW);
        assertThat(dispute.state).isEqualTo(DisputeState.ESCALATED);
        assertThat(dispute.escalatedTo).isEqualTo("partner-manager");
        dispute.startReview("pm", NOW);
        assertThat(dispute.state).isEqualTo(DisputeState.IN_REVIEW);
        assertThat(dispute.firstRespondedAt).isEqualTo(NOW);
    }

    @Test
    void timersAreOverdueOnlyWhileOpenAndOnlyOnce() {
        Dispute dispute = open("100");
        Instant late = NOW.plusSeconds(2 * 86_400);
        assertThat(dispute.firstResponseOverdue(NOW)).isFalse();
        assertThat(dispute.firstResponseOverdue(late)).isTrue();
        dispute.breached("FIRST_RESPONSE", late);
        assertThat(dispute.firstResponseOverdue(late)).isFalse();
        dispute.withdraw("pa", "done", late);
        assertThat(dispute.resolutionOverdue(NOW.plusSeconds(10_000_000))).isFalse();
    }

    @Test
    void askingThePartnerPausesTheResolutionDeadlineUntilItsAnswer() {
        Dispute dispute = open("100");
        assertThatThrownBy(() -> dispute.requestInformation("fin", "which calls?", NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is open");
        dispute.startReview("fin", NOW);
        dispute.requestInformation("fin", "which calls?", NOW);
        assertThat(dispute.state).isEqualTo(DisputeState.PENDING_INFORMATION);
        assertThat(dispute.state.isOpen()).isTrue();
        assertThat(dispute.state.tmf()).isEqualTo("pendingInformation");
        assertThat(dispute.history.getLast().reason()).isEqualTo("which calls?");
        Instant pastTheDeadline = dispute.resolutionDue.plusSeconds(1);
        assertThat(dispute.resolutionOverdue(pastTheDeadline)).as("paused").isFalse();
        assertThatThrownBy(() -> dispute.propose(proposal("1"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> dispute.escalate("partner-manager", "pa", Dispute.PARTNER, "x", NOW))
                .isInstanceOf(ConflictException.class);

        Instant moved = dispute.resolutionDue.plusSeconds(3 * 86_400);
        dispute.informationProvided("pa", NOW, moved);
        assertThat(dispute.state).isEqualTo(DisputeState.IN_REVIEW);
        assertThat(dispute.history.getLast().side()).isEqualTo(Dispute.PARTNER);
        assertThat(dispute.resolutionDue).isEqualTo(moved);
        assertThat(dispute.resolutionPausedAt).isNull();
        assertThat(dispute.resolutionOverdue(moved)).isTrue();
        assertThatThrownBy(() -> dispute.informationProvided("pa", NOW, moved))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDisputeIsAssignableUntilItIsClosedOrWithdrawn() {
        Dispute dispute = open("100");
        dispute.assign("pm");
        assertThat(dispute.assignee).isEqualTo("pm");
        dispute.startReview("fin", NOW);
        dispute.propose(proposal("100"));
        dispute.accept("pa", null, "adj", NOW);
        dispute.assign(null);
        assertThat(dispute.assignee).isNull();
        dispute.close("fin", NOW);
        assertThatThrownBy(() -> dispute.assign("fin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("closed");
    }
}

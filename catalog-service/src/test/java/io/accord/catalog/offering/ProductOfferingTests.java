package io.accord.catalog.offering;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductOfferingTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void goesFromDraftThroughReviewToLaunchedAndRetired() {
        ProductOffering offering = draft();

        offering.submit("owner", NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.IN_REVIEW);
        offering.approve("pm", null, NOW);
        assertThat(offering.isDueForLaunch(NOW)).isTrue();
        offering.launch(NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.LAUNCHED);
        assertThat(offering.isLaunchedAt(NOW)).isTrue();
        offering.retire("done", NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.RETIRED);
    }

    @Test
    void aRejectionNeedsAReasonAndReturnsTheOfferingToTheOwner() {
        ProductOffering offering = draft();
        offering.submit("owner", NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> offering.reject("pm", " ", NOW));
        offering.reject("pm", "prices too high", NOW);

        assertThat(offering.status()).isEqualTo(OfferingStatus.REJECTED);
        assertThat(offering.statusReason()).isEqualTo("prices too high");
        offering.submit("owner", NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.IN_REVIEW);
    }

    @Test
    void refusesIllegalTransitions() {
        ProductOffering offering = draft();

        assertThatIllegalStateException().isThrownBy(() -> offering.approve("pm", null, NOW));
        assertThatIllegalStateException().isThrownBy(() -> offering.launch(NOW));
        assertThatIllegalStateException().isThrownBy(() -> offering.retire("x", NOW));
        assertThatIllegalStateException().isThrownBy(() -> offering.propose(ProductOffering.Change.NEW_VERSION,
                "{}", "owner", NOW));
        offering.submit("owner", NOW);
        assertThatIllegalStateException().isThrownBy(() -> offering.submit("owner", NOW));
        assertThatIllegalStateException().isThrownBy(() -> offering.define(definition(), "owner", NOW));
    }

    @Test
    void anApprovedOfferingLaunchesOnlyAtItsLaunchDate() {
        ProductOffering offering = draft();
        offering.submit("owner", NOW);
        offering.approve("pm", NOW.plusSeconds(3600), NOW);

        assertThat(offering.isDueForLaunch(NOW)).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> offering.launch(NOW));
        offering.launch(NOW.plusSeconds(3600));
        assertThat(offering.status()).isEqualTo(OfferingStatus.LAUNCHED);
    }

    @Test
    void aLaunchedOfferingChangesOnlyThroughAnApprovedRevision() {
        ProductOffering offering = launched();

        assertThatIllegalStateException().isThrownBy(() -> offering.define(definition(), "owner", NOW));
        offering.propose(ProductOffering.Change.NEW_VERSION, "{\"changed\":true}", "owner", NOW);
        assertThat(offering.inReview()).isTrue();
        assertThat(offering.status()).isEqualTo(OfferingStatus.LAUNCHED);

        offering.approveRevision(definition(), "pm", NOW);
        assertThat(offering.offeringVersion()).isEqualTo(2);
        assertThat(offering.pendingChange()).isNull();
        assertThatIllegalStateException().isThrownBy(() -> offering.rejectRevision("pm", "no", NOW));
    }

    @Test
    void whoeverCreatedOrSubmittedAnOfferingOrProposedAChangeDoesNotApproveIt() {
        ProductOffering offering = draft();
        offering.submit("pm", NOW);

        assertThatIllegalStateException().isThrownBy(() -> offering.approve("pm", null, NOW))
                .withMessageContaining("submitted by pm").withMessageContaining("four-eyes");
        assertThatIllegalStateException().isThrownBy(() -> offering.approve("creator", null, NOW))
                .withMessageContaining("created by creator").withMessageContaining("four-eyes");
        offering.approve("pm-b", null, NOW);
        offering.launch(NOW);

        offering.propose(ProductOffering.Change.NEW_PRICE_VERSION, "{}", "pm-b", NOW);
        assertThatIllegalStateException().isThrownBy(() -> offering.approveRevision(definition(), "pm-b", NOW))
                .withMessageContaining("proposed by pm-b").withMessageContaining("four-eyes");
        offering.approveRevision(definition(), "pm", NOW);
        assertThat(offering.pendingChange()).isNull();
    }

    @Test
    void aSecondChangeWaitsUntilTheFirstIsDecidedNeverReplacingIt() {
        ProductOffering offering = launched();
        offering.propose(ProductOffering.Change.NEW_PRICE_VERSION, "{\"first\":true}", "owner", NOW);

        assertThatIllegalStateException().isThrownBy(() -> offering.propose(ProductOffering.Change.NEW_VERSION,
                "{\"second\":true}", "owner", NOW)).withMessageContaining("NEW_PRICE_VERSION")
                .withMessageContaining("pending-change").withMessageContaining("approves or rejects it first");
        assertThat(offering.pendingDefinition()).isEqualTo("{\"first\":true}");
        offering.rejectRevision("pm", "no", NOW);
        offering.propose(ProductOffering.Change.NEW_VERSION, "{\"second\":true}", "owner", NOW);
        assertThat(offering.pendingChange()).isEqualTo(ProductOffering.Change.NEW_VERSION);
    }

    @Test
    void aWaitingChangeIsWithdrawnUnappliedAndKeptAndOnlyWhileItWaits() {
        ProductOffering offering = launched();
        String definition = offering.definition();
        assertThatIllegalStateException().isThrownBy(() -> offering.withdrawRevision("owner", NOW))
                .withMessageContaining("no change waits for review").withMessageContaining("LAUNCHED");
        offering.propose(ProductOffering.Change.NEW_VERSION, "{\"mistake\":true}", "owner", NOW);

        offering.withdrawRevision("owner", NOW.plusSeconds(60));

        assertThat(offering.pendingChange()).isNull();
        assertThat(offering.pendingDefinition()).isNull();
        assertThat(offering.status()).isEqualTo(OfferingStatus.LAUNCHED);
        assertThat(offering.offeringVersion()).isEqualTo(1);
        assertThat(offering.definition()).isEqualTo(definition);
        assertThat(offering.withdrawnChange()).isEqualTo(ProductOffering.Change.NEW_VERSION);
        assertThat(offering.withdrawnChangeBy()).isEqualTo("owner");
        assertThat(offering.withdrawnChangeAt()).isEqualTo(NOW.plusSeconds(60));
        assertThatIllegalStateException().isThrownBy(() -> offering.withdrawRevision("owner", NOW))
                .withMessageContaining("NEW_VERSION, was WITHDRAWN");
        assertThatIllegalStateException().isThrownBy(() -> offering.approveRevision(definition(), "pm", NOW));
        offering.propose(ProductOffering.Change.NEW_PRICE_VERSION, "{\"next\":true}", "owner", NOW);
        assertThat(offering.pendingChange()).isEqualTo(ProductOffering.Change.NEW_PRICE_VERSION);
        assertThatIllegalStateException().isThrownBy(() -> draft().withdrawRevision("owner", NOW))
                .withMessageContaining("DRAFT");
    }

    @Test
    void whoeverChangedTheDraftSinceItsCreationMayNotApproveItEvenAfterARejection() {
        ProductOffering offering = draft();
        offering.redefine(definition(), "pricer", NOW);
        offering.redefine(definition(), "editor", NOW);
        offering.redefine(definition(), "pricer", NOW);
        offering.submit("owner", NOW);
        offering.reject("pm", "not yet", NOW);
        offering.redefine(definition(), "owner", NOW);
        offering.submit("owner", NOW);

        assertThat(offering.editors()).containsExactly("pricer", "editor", "owner");
        assertThatIllegalStateException().isThrownBy(() -> offering.approve("pricer", null, NOW))
                .withMessageContaining("changed by pricer").withMessageContaining("four-eyes");
        assertThatIllegalStateException().isThrownBy(() -> offering.approve("editor", null, NOW))
                .withMessageContaining("changed by editor");
        assertThatIllegalStateException().isThrownBy(() -> offering.approve("creator", null, NOW))
                .withMessageContaining("created by creator");
        assertThat(offering.status()).isEqualTo(OfferingStatus.IN_REVIEW);
        offering.approve("pm", null, NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.APPROVED);
    }

    @Test
    void onlyDraftsAreDeletable() {
        assertThat(draft().isDeletable()).isTrue();
        assertThat(launched().isDeletable()).isFalse();
    }

    private static ProductOffering launched() {
        ProductOffering offering = draft();
        offering.submit("owner", NOW);
        offering.approve("pm", null, NOW);
        offering.launch(NOW);
        return offering;
    }

    @Test
    void aPartnersCoCreatorIsPendingUntilItAcceptsAndIsAskedAgainForAnotherShare() {
        UUID coCreator = UUID.randomUUID();
        ProductOffering offering = new ProductOffering(Owner.partner(UUID.randomUUID()), "x", "creator", NOW);
        offering.define(coCreated(coCreator, "30"), "owner-admin", NOW);

        assertThat(offering.pendingParticipantIds()).containsExactly(coCreator);
        assertThat(offering.participantIds()).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> offering.submit("owner-admin", NOW))
                .withMessageContaining(coCreator.toString());
        offering.acceptCoCreation(coCreator, "co-admin", NOW);
        assertThatIllegalStateException().isThrownBy(() -> offering.acceptCoCreation(coCreator, "co-admin", NOW));
        offering.redefine(coCreated(coCreator, "30"), "owner-admin", NOW);
        assertThat(offering.participantIds()).as("the same share: still accepted").containsExactly(coCreator);
        offering.redefine(coCreated(coCreator, "40"), "owner-admin", NOW);
        assertThat(offering.pendingParticipantIds()).as("another share: asked again").containsExactly(coCreator);
        offering.acceptCoCreation(coCreator, "co-admin", NOW);
        offering.submit("owner-admin", NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.IN_REVIEW);
    }

    @Test
    void theCspsCoCreatorsTakePartAtOnce() {
        UUID coCreator = UUID.randomUUID();
        ProductOffering offering = new ProductOffering(Owner.csp(), "x", "pm", NOW);
        offering.define(coCreated(coCreator, "30"), "pm", NOW);

        assertThat(offering.participantIds()).containsExactly(coCreator);
        offering.submit("pm", NOW);
        assertThat(offering.status()).isEqualTo(OfferingStatus.IN_REVIEW);
    }

    private static OfferingDefinition coCreated(UUID coCreator, String share) {
        return new OfferingDefinition(OfferingDrafts.coCreated("x", coCreator, share).normalized(), "{}",
                UUID.randomUUID(), UUID.randomUUID(), List.of());
    }

    private static ProductOffering draft() {
        ProductOffering offering = new ProductOffering(Owner.partner(UUID.randomUUID()), "x", "creator", NOW);
        offering.define(definition(), "owner", NOW);
        return offering;
    }

    private static OfferingDefinition definition() {
        return new OfferingDefinition(OfferingDrafts.single("x").normalized(), "{}", UUID.randomUUID(),
                UUID.randomUUID(), List.of());
    }
}

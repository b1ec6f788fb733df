package io.accord.orchestration.quote;

import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quote's guarded transitions. */
class QuoteTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void movesThroughApprovalToAcceptance() {
        Quote quote = quote(false);
        quote.approve("anna", false, NOW);
        assertThat(quote.approval).isEqualTo(Quote.Approval.AUTO);
        assertThatThrownBy(() -> quote.price(new QuotePricing.Priced(List.of(), List.of()), BigDecimal.ZERO, false,
                NOW, NOW, "anna")).isInstanceOf(ConflictException.class).hasMessageContaining("approved");
        quote.accept("anna", false, NOW);
        assertThat(quote.state).isEqualTo(QuoteState.ACCEPTED);
        assertThatThrownBy(() -> quote.reject("bob", "no", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> quote.expire(NOW.plus(Duration.ofDays(60)))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aDiscountAboveTheLimitNeedsAManagerAndNothingIsAcceptedBeforeApproval() {
        Quote quote = quote(true);
        assertThatThrownBy(() -> quote.accept("anna", false, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> quote.approve("anna", false, NOW)).hasMessageContaining("partner manager");
        quote.approve("mia", true, NOW);
        assertThat(quote.approval).isEqualTo(Quote.Approval.MANAGER);
    }

    @Test
    void whoeverSetAnOverLimitDiscountNeverApprovesItAndStaffInvolvedDoNotAcceptIt() {
        Quote quote = quote(true);
        assertThatThrownBy(() -> quote.approve("anna", true, NOW)).isInstanceOf(QuoteFourEyes.class)
                .hasMessageContaining("created by anna");
        quote.approve("mia", true, NOW);
        assertThat(quote.approvedBy).isEqualTo("mia");
        assertThatThrownBy(() -> quote.accept("mia", true, NOW)).isInstanceOf(QuoteFourEyes.class);
        assertThatThrownBy(() -> quote.accept("anna", true, NOW)).isInstanceOf(QuoteFourEyes.class);
        quote.accept("otto", true, NOW);
        assertThat(quote.state).isEqualTo(QuoteState.ACCEPTED);
        assertThat(quote.approvedBy).as("kept after the acceptance").isEqualTo("mia");
    }

    @Test
    void everyoneWhoEverPricedAnOverLimitDiscountIsBarredAndADescriptionMakesNoPreparer() {
        Quote quote = quote(true);
        quote.price(new QuotePricing.Priced(List.of(), List.of()), BigDecimal.TEN, true, NOW,
                NOW.plus(Duration.ofDays(30)), "mia");
        quote.describe("typo fixed", "po-7", NOW);
        quote.price(new QuotePricing.Priced(List.of(), List.of()), BigDecimal.TEN, true, NOW,
                NOW.plus(Duration.ofDays(30)), "anna");
        assertThat(quote.pricedBy).isEqualTo("anna");
        assertThat(quote.editedBy).containsExactly("anna", "mia");
        assertThatThrownBy(() -> quote.approve("mia", true, NOW)).isInstanceOf(QuoteFourEyes.class)
                .hasMessageContaining("changed by mia").hasMessageContaining("than anna, mia");
        quote.approve("paul", true, NOW);
        assertThatThrownBy(() -> quote.accept("mia", true, NOW)).isInstanceOf(QuoteFourEyes.class);
        quote.accept("otto", true, NOW);
        assertThat(quote.state).isEqualTo(QuoteState.ACCEPTED);
    }

    @Test
    void expiresOnlyWhenOpenAndPastItsValidityAndThenCannotBeAccepted() {
        Quote quote = quote(false);
        assertThatThrownBy(() -> quote.expire(NOW)).isInstanceOf(ConflictException.class);
        quote.approve("anna", false, NOW);
        assertThatThrownBy(() -> quote.accept("anna", false, NOW.plus(Duration.ofDays(30))))
                .hasMessageContaining("valid until");
        quote.expire(NOW.plus(Duration.ofDays(30)));
        assertThat(quote.state).isEqualTo(QuoteState.EXPIRED);
        assertThatThrownBy(() -> quote.approve("anna", false, NOW)).isInstanceOf(ConflictException.class);
    }

    private static Quote quote(boolean needsApproval) {
        Quote quote = new Quote(UUID.randomUUID(), UUID.randomUUID(), null, "c-1", null, NOW, "anna");
        quote.price(new QuotePricing.Priced(List.of(), List.of()), BigDecimal.TEN, needsApproval, NOW,
                NOW.plus(Duration.ofDays(30)), "anna");
        return quote;
    }
}

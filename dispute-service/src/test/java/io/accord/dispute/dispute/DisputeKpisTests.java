package io.accord.dispute.dispute;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeKpisTests {

    private static final Instant NOW = Instant.parse("2026-11-10T09:00:00Z");

    private static Dispute resolved(String direction, String amount) {
        Dispute dispute = new Dispute(UUID.randomUUID(), UUID.randomUUID(), Category.RATE, new BigDecimal("50"),
                "EUR", "rate", "s-1", Dispute.Source.PARTNER, null,
                List.of(new Dispute.Item("StatementLine", "l-1", new BigDecimal("50"))), "pa", NOW,
                NOW.plusSeconds(86_400), NOW.plusSeconds(864_000));
        dispute.opened();
        dispute.startReview("fin", NOW);
        dispute.propose(new Dispute.Proposal(direction, new BigDecimal(amount), "re-rated", "fin", NOW));
        dispute.accept("pa", null, UUID.randomUUID().toString(), NOW.plusSeconds(60));
        return dispute;
    }

    @Test
    void creditsAndDebitsAreSummedApartAndNettedWithTheirSign() {
        // a credit of 40 and a charge of 3.33 used to read "adjusted 43.33"
        DisputeKpis.Amounts amounts = DisputeKpis.of(List.of(resolved("CREDIT_PARTNER", "40"),
                resolved("DEBIT_PARTNER", "3.33")), NOW.plusSeconds(120)).amounts().get("EUR");
        assertThat(amounts.disputed()).isEqualTo("100.000000");
        assertThat(amounts.credited()).isEqualTo("40.000000");
        assertThat(amounts.debited()).isEqualTo("3.330000");
        assertThat(amounts.net()).isEqualTo("36.670000");
        assertThat(amounts.adjusted()).isEqualTo(amounts.net());

        DisputeKpis.Amounts charged = DisputeKpis.of(List.of(resolved("DEBIT_PARTNER", "5")), NOW.plusSeconds(120))
                .amounts().get("EUR");
        assertThat(charged.net()).isEqualTo("-5.000000");
    }

    @Test
    void theMeanTimeToResolutionKeepsTheResolutionsFractions() {
        // whole seconds each, then the sum divided in whole seconds: 18.658843 s and 27.591991 s read PT22S
        assertThat(DisputeKpis.mean(List.of(Duration.parse("PT18.658843S"), Duration.parse("PT27.591991S"))))
                .isEqualTo(Duration.parse("PT23.125417S"));
        assertThat(DisputeKpis.mean(List.of(Duration.ofDays(40), Duration.ofDays(41)))).isEqualTo(
                Duration.ofHours(40 * 24 + 12));
        // to the microsecond, half to even
        assertThat(DisputeKpis.mean(List.of(Duration.ofNanos(1_000), Duration.ofNanos(2_000), Duration.ofNanos(2_000))))
                .isEqualTo(Duration.ofNanos(2_000));
    }
}

package io.accord.settlement;

import io.accord.contracts.Topics;
import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.RatedUsageEvents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Statements ready for what happens after drafting: a partner with its legal data and a monthly agreement (19 % tax,
 * 30 days' terms), usage 40 days back summed into its ended period, the statement drafted (by {@code finance}),
 * approved (by {@code finance-b}) and issued. A bean of the shared test context ({@code SettlementTestConfiguration}).
 */
public final class StatementFixtures {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final SettlementFixtures fixtures;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final Statements statements;
    private final PartnerTerms partners;
    private final Clock clock;

    public StatementFixtures(SettlementFixtures fixtures, SettlementPeriods periods, UsageSums sums,
                             Statements statements, PartnerTerms partners, Clock clock) {
        this.fixtures = fixtures;
        this.periods = periods;
        this.sums = sums;
        this.statements = statements;
        this.partners = partners;
        this.clock = clock;
    }

    /** A request body from the repository's {@code examples/settlement/} (what the docs and the API docs show). */
    public static String example(String name) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../examples/settlement/" + name));
        } catch (java.io.IOException missing) {
            throw new java.io.UncheckedIOException(missing);
        }
    }

    /** A new partner with an agreement in force for 200 days and its legal data (address, tax id, bank account). */
    public String partner() {
        String partner = fixtures.partnerInForceFrom(clock.instant().minus(Duration.ofDays(200)), "MONTHLY");
        SettlementFixtures.send(Topics.PARTNER_EVENTS, partner, "PartnerActivated", partner, 1L, """
                {"eventId":"%s","occurredAt":"2026-01-02T00:00:00Z","partnerId":"%s","legalName":"Streamly Media GmbH",
                 "partnerType":"OTT_CONTENT","businessModel":"SELL_THROUGH","country":"DE",
                 "settlementCurrency":"EUR","taxId":"DE136695976",
                 "address":{"street1":"Friedrichstraße 68","street2":null,"city":"Berlin","postCode":"10117"},
                 "bankAccount":{"iban":"DE02120300000000202051","bic":"BYLADEM1001"}}
                """.formatted(UUID.randomUUID(), partner));
        await().atMost(PATIENCE).until(() -> partners.legalData(UUID.fromString(partner))
                .map(PartnerTerms.LegalData::legalName).isPresent());
        return partner;
    }

    /**
     * The partner's period 40 days back, with one VOICE revenue share of half {@code charge} in {@code currency} summed
     * into it, closing (a run could draft it now).
     */
    public SettlementPeriods.Period closingWithUsage(String partner, String currency, String charge) {
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        SettlementPeriods.Period period = periods.periodFor(partnerId, usage).orElseThrow().period();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-fx", usage).currency(currency).charge(charge)
                .share(partner, "50").build());
        await().atMost(PATIENCE).until(() -> sums.ofPeriod(period.id()).size() == 1);
        periods.startClosing(period.id());
        return period;
    }

    /**
     * The drafted statement of the partner's period 40 days back: one VOICE revenue share per {@code charges}
     * element at 50 % (a 20.00 charge makes a 10.00 line), one offering each.
     */
    public Statements.View drafted(String partner, String... charges) {
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        for (int i = 0; i < charges.length; i++) {
            RatedUsageEvents.send(RatedUsageEvents.rated("off-" + i, usage).charge(charges[i]).share(partner, "50")
                    .build());
        }
        await().atMost(PATIENCE).until(() -> sums.ofPeriod(period).size() == charges.length);
        periods.startClosing(period);
        return statements.draft(partnerId, period, "finance");
    }

    /**
     * The issued statement of a reseller's period 40 days back: one wholesale VOICE charge owed by the partner, so the
     * statement is RECEIVABLE (a 20.00 charge: net −20.00, tax −3.80, total −23.80).
     */
    public Statements.View issuedWholesale(String partner, String charge) {
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(RatedUsageEvents.rated("off-wholesale", usage).allocation("RESELL").charge(charge)
                .wholesale(partner).build());
        await().atMost(PATIENCE).until(() -> sums.ofPeriod(period).size() == 1);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        return statements.issue(statements.approve(drafted.id(), "finance-b").id());
    }

    /** The same statement approved four-eyes, not yet issued. */
    public Statements.View approved(String partner, String... charges) {
        return statements.approve(drafted(partner, charges).id(), "finance-b");
    }

    /** The same statement issued. */
    public Statements.View issued(String partner, String... charges) {
        return statements.issue(approved(partner, charges).id());
    }
}

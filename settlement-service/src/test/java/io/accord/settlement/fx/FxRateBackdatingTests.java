package io.accord.settlement.fx;

import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static io.accord.settlement.fx.FxRateFixtures.RATES;
import static io.accord.settlement.fx.FxRateFixtures.body;
import static io.accord.settlement.fx.FxRateFixtures.confirm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No backdating past issued figures (a new rate valid from before the end of the latest period an issued statement
 * converted the pair for is refused, at the load and at the confirmation, also while that statement is being issued)
 * and the as-of answer (which rate was in force at an instant as the confirmed rates stood at another).
 */
@AccordServiceTest
class FxRateBackdatingTests {

    private final FxRateFixtures fixtures;
    private final Statements statements;
    private final TestHttp fiona;
    private final TestHttp fred;

    FxRateBackdatingTests(FxRateFixtures fixtures, Statements statements) {
        this.fixtures = fixtures;
        this.statements = statements;
        this.fiona = fixtures.fiona();
        this.fred = fixtures.fred();
    }

    @Test
    void aRateValidFromBeforeTheEndOfAnIssuedConversionIsRefusedFromThatEndOnItIsLoaded() {
        String partner = fixtures.partner();
        SettlementPeriods.Period period = fixtures.closingPeriodWithUsage(partner, "HKD", "20.00");
        Instant end = period.endAt();
        String used = fixtures.load("HKD", "EUR", "0.1180", period.startAt().toString()).get("id").asString();
        confirm(used, fred);
        Statements.View approved = statements.approve(statements.draft(UUID.fromString(partner), period.id(),
                "finance").id(), "finance-b");
        String pending = fixtures.load("HKD", "EUR", "0.1181", end.minusSeconds(3600).toString()).get("id").asString();
        Statements.View issued = statements.issue(approved.id());

        TestHttp.Response lateConfirmation = fred.post(RATES + "/" + pending + "/confirmation", "");
        assertThat(lateConfirmation.status()).as("issued since it was loaded: " + lateConfirmation.body())
                .isEqualTo(409);
        assertThat(lateConfirmation.body()).contains(issued.documentNumber(), end.toString());
        assertThat(fiona.get(RATES + "/" + pending).json().get("state").asString()).isEqualTo("PROPOSED");

        TestHttp.Response backdated = fiona.post(RATES, body("HKD", "EUR", "0.1182", end.minusSeconds(1).toString()));

        assertThat(backdated.status()).as(backdated.body()).isEqualTo(422);
        assertThat(backdated.contentType()).startsWith("application/problem+json");
        assertThat(backdated.json().get("field").asString()).isEqualTo("validFrom");
        assertThat(backdated.json().get("earliestValidFrom").asString()).isEqualTo(end.toString());
        assertThat(backdated.json().get("documentNumber").asString()).isEqualTo(issued.documentNumber());
        assertThat(backdated.json().get("detail").asString()).contains("validFrom", "issued", end.toString());
        assertThat(fiona.get(RATES + "/in-force?base=HKD&quote=EUR&at=" + end.minusSeconds(1)).json()
                .get("rateId").asString()).as("the rate the statement converted at stays in force").isEqualTo(used);

        TestHttp.Response fromTheEnd = fiona.post(RATES, body("HKD", "EUR", "0.1182", end.toString()));
        assertThat(fromTheEnd.status()).as(fromTheEnd.body()).isEqualTo(201);
        TestHttp.Response otherPair = fiona.post(RATES, body("HKD", "USD", "0.1280", end.minusSeconds(1).toString()));
        assertThat(otherPair.status()).as("no issued statement converted HKD→USD").isEqualTo(201);
        TestHttp.Response correction = fiona.post(RATES + "/" + used + "/correction",
                "{\"rate\":\"0.1183\",\"reason\":\"late fixing\"}");
        assertThat(correction.status()).as("corrections keep their own rule").isEqualTo(409);
    }

    @Test
    void aBackdatedRateConfirmedWhileAStatementConvertingThePairIsIssuedWaitsForTheIssueAndIsThenRefused() {
        String partner = fixtures.partner();
        SettlementPeriods.Period period = fixtures.closingPeriodWithUsage(partner, "THB", "20.00");
        fixtures.loadConfirmed("THB", "EUR", "0.0260", period.startAt().toString());
        Statements.View approved = statements.approve(statements.draft(UUID.fromString(partner), period.id(),
                "finance").id(), "finance-b");
        String backdated = fixtures.load("THB", "EUR", "0.0261", period.endAt().minusSeconds(3600).toString())
                .get("id").asString();

        FxRateFixtures.Race race = fixtures.confirmWhileIssuing(approved.id(), backdated);

        assertThat(race.confirmationWaited()).as("the confirmation waits until the issue committed").isTrue();
        assertThat(race.confirmation().status()).as(race.confirmation().body()).isEqualTo(409);
        String documentNumber = statements.find(approved.id()).orElseThrow().documentNumber();
        assertThat(race.confirmation().body()).contains(documentNumber, period.endAt().toString());
        assertThat(fiona.get(RATES + "/" + backdated).json().get("state").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void theAsOfAnswerIsTheRateInForceAsTheConfirmedRatesStoodThenBeforeAndAfterACorrection() {
        String wrong = fixtures.load("MXN", "BRL", "2.85", "2026-06-01T00:00:00Z").get("id").asString();
        Instant proposed = instant(fiona.get(RATES + "/" + wrong).json(), "loadedAt");
        confirm(wrong, fred);
        Instant confirmed = instant(fiona.get(RATES + "/" + wrong).json(), "confirmedAt");
        String correction = fiona.post(RATES + "/" + wrong + "/correction",
                "{\"rate\":\"0.285\",\"reason\":\"decimal point\"}").json().get("id").asString();
        Instant correctionProposed = instant(fiona.get(RATES + "/" + correction).json(), "loadedAt");

        assertThat(asOf("2026-06-15T00:00:00Z", correctionProposed).get("rateId").asString())
                .as("before the correction was confirmed").isEqualTo(wrong);

        confirm(correction, fred);
        Instant corrected = instant(fiona.get(RATES + "/" + correction).json(), "confirmedAt");

        JsonNode before = asOf("2026-06-15T00:00:00Z", corrected.minusNanos(1000));
        assertThat(before.get("rateId").asString()).isEqualTo(wrong);
        assertThat(before.get("rate").asString()).isEqualTo("2.85");
        assertThat(before.get("knownAt").asString()).isEqualTo(corrected.minusNanos(1000).toString());
        assertThat(asOf("2026-06-15T00:00:00Z", confirmed).get("rateId").asString()).isEqualTo(wrong);
        JsonNode after = asOf("2026-06-15T00:00:00Z", corrected);
        assertThat(after.get("rateId").asString()).isEqualTo(correction);
        assertThat(after.get("rate").asString()).isEqualTo("0.285");
        assertThat(fiona.get(RATES + "/in-force?base=MXN&quote=BRL&at=2026-06-15T00:00:00Z").json()
                .get("rateId").asString()).as("without knownAt: as now").isEqualTo(correction);
        assertThat(fiona.get(inForce("2026-06-15T00:00:00Z", proposed)).status())
                .as("loaded, not confirmed yet: not in force").isEqualTo(404);
        assertThat(fiona.get(inForce("2026-05-31T23:59:59Z", corrected)).status())
                .as("before its validFrom").isEqualTo(404);
        assertThat(fiona.get(RATES + "/in-force?base=MXN&quote=BRL&at=2026-06-15T00:00:00Z&knownAt=yesterday")
                .status()).isEqualTo(400);
    }

    private JsonNode asOf(String at, Instant knownAt) {
        TestHttp.Response response = fiona.get(inForce(at, knownAt));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String inForce(String at, Instant knownAt) {
        return RATES + "/in-force?base=MXN&quote=BRL&at=" + at + "&knownAt=" + knownAt;
    }

    private static Instant instant(JsonNode rate, String field) {
        return Instant.parse(rate.get(field).asString());
    }
}

package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.platform.problem.ConflictException;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.accord.settlement.fx.FxRateFixtures.RATES;
import static io.accord.settlement.fx.FxRateFixtures.body;
import static io.accord.settlement.fx.FxRateFixtures.confirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Four-eyes on FX rates (a loaded or corrected rate converts only once a second finance user confirmed it), the
 * correction path (a new version superseding the old one, refused once an issued statement converted at it), and
 * the statement line naming the rate version it was converted at.
 */
@AccordServiceTest
class FxRateCorrectionTests {

    private final FxRateFixtures fixtures;
    private final Statements statements;
    private final TestHttp fiona;
    private final TestHttp fred;

    FxRateCorrectionTests(FxRateFixtures fixtures, Statements statements) {
        this.fixtures = fixtures;
        this.statements = statements;
        this.fiona = fixtures.fiona();
        this.fred = fixtures.fred();
    }

    @Test
    void aLoadedRateIsProposedUntilASecondFinanceUserConfirmsItAndOnlyThenInForce() {
        JsonNode loaded = fixtures.load("ZAR", "AUD", "0.0812", "2026-04-01T00:00:00Z");
        String id = loaded.get("id").asString();

        assertThat(loaded.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(fiona.get(RATES + "/in-force?base=ZAR&quote=AUD&at=2026-04-15T00:00:00Z").status())
                .as("a proposed rate is not in force").isEqualTo(404);
        TestHttp.Response byLoader = fiona.post(RATES + "/" + id + "/confirmation", "");
        assertThat(byLoader.status()).as(byLoader.body()).isEqualTo(409);
        assertThat(byLoader.body()).contains("four-eyes");
        TestHttp admin = fixtures.as(TestJwt.staff("ada", Roles.PLATFORM_ADMIN));
        assertThat(admin.post(RATES + "/" + id + "/confirmation", "").status()).isEqualTo(403);

        TestHttp.Response confirmed = fred.post(RATES + "/" + id + "/confirmation", "");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo("fred");
        TestHttp.Response inForce = fiona.get(RATES + "/in-force?base=ZAR&quote=AUD&at=2026-04-15T00:00:00Z");
        assertThat(inForce.status()).isEqualTo(200);
        assertThat(inForce.json().get("rateId").asString()).isEqualTo(id);
        assertThat(fred.post(RATES + "/" + id + "/confirmation", "").status()).as("confirmed once").isEqualTo(409);
        assertThat(trail(id)).as("refusals are audited too").contains("loaded by fiona", "refused by fiona",
                "confirmed by fred").doesNotContain("confirmed by fiona");
    }

    @Test
    void runsIgnoreAnUnconfirmedRateThenConvertExactlyAtTheConfirmedOneNamingItOnTheLine() {
        String partner = fixtures.partner();
        SettlementPeriods.Period closing = fixtures.closingPeriodWithUsage(partner, "GBP", "20.00");
        UUID period = closing.id();
        String validFrom = closing.startAt().toString();
        String rateId = fixtures.load("GBP", "EUR", "0.9215", validFrom).get("id").asString();

        assertThatThrownBy(() -> statements.draft(UUID.fromString(partner), period, "finance"))
                .as("the proposed rate does not convert").isInstanceOf(ConflictException.class)
                .hasMessageContaining("GBP→EUR").hasMessageContaining("confirm");
        confirm(rateId, fred);
        Statements.View drafted = statements.draft(UUID.fromString(partner), period, "finance");

        Statements.Line line = drafted.lines().getFirst();
        assertThat(line.sourceAmount()).isEqualByComparingTo("10.00");
        assertThat(line.sourceCurrency()).isEqualTo("GBP");
        assertThat(line.fxRate()).isEqualByComparingTo("0.9215");
        assertThat(line.unrounded()).as("10 × 0.9215 exactly").isEqualByComparingTo("9.215000");
        assertThat(line.rounded()).as("rounded once, half-even").isEqualByComparingTo("9.22");
        assertThat(line.fxRateId()).hasToString(rateId);
        TestHttp.Response json = fiona.get("/api/settlement/statements/" + drafted.id());
        assertThat(json.json().get("lines").get(0).get("fxRateId").asString()).isEqualTo(rateId);
        String csv = fiona.get("/api/settlement/statements/" + drafted.id() + "/lines").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith(",fxRate,unit,recordCount,unitPrice,shareRate,fxRateId");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",0.9215,").endsWith("," + rateId);
    }

    @Test
    void aCorrectionSupersedesTheOldVersionOnceConfirmedAndDraftsUsingItAreWarnedUntilDraftedAgain() {
        String partner = fixtures.partner();
        SettlementPeriods.Period closing = fixtures.closingPeriodWithUsage(partner, "CHF", "20.00");
        UUID period = closing.id();
        String validFrom = closing.startAt().toString();
        String wrong = fixtures.load("CHF", "EUR", "10.85", validFrom).get("id").asString();
        confirm(wrong, fred);
        Statements.View draft = statements.draft(UUID.fromString(partner), period, "finance");
        assertThat(draft.lines().getFirst().rounded()).isEqualByComparingTo("108.50");

        TestHttp.Response again = fiona.post(RATES, body("CHF", "EUR", "1.085", validFrom));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("/correction");
        TestHttp.Response corrected = fiona.post(RATES + "/" + wrong + "/correction",
                StatementFixtures.example("fx-rate-correction.json"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        String correction = corrected.json().get("id").asString();
        assertThat(corrected.header("Location")).isEqualTo(RATES + "/" + correction);
        assertThat(corrected.json().get("state").asString()).isEqualTo("PROPOSED");
        assertThat(corrected.json().get("corrects").asString()).isEqualTo(wrong);
        assertThat(corrected.json().get("validFrom").asString()).isEqualTo(validFrom);
        assertThat(fred.post(RATES + "/" + wrong + "/correction", "{\"rate\":\"1.08\",\"reason\":\"x\"}").status())
                .as("one pending correction at a time").isEqualTo(409);
        assertThat(inForceId("CHF", validFrom)).as("the old one stays in force until confirmed").isEqualTo(wrong);
        assertThat(fiona.post(RATES + "/" + correction + "/confirmation", "").status()).as("four-eyes")
                .isEqualTo(409);

        confirm(correction, fred);

        assertThat(inForceId("CHF", validFrom)).isEqualTo(correction);
        JsonNode old = fiona.get(RATES + "/" + wrong).json();
        assertThat(old.get("state").asString()).isEqualTo("SUPERSEDED");
        assertThat(old.get("rate").asString()).isEqualTo("10.85");
        assertThat(old.get("supersededByRate").asString()).isEqualTo(correction);
        assertThat(old.get("supersededBy").asString()).isEqualTo("fiona");
        assertThat(old.get("supersessionReason").asString()).startsWith("typo");
        assertThat(old.get("supersededAt").isNull()).isFalse();
        assertThat(trail(wrong)).contains("loaded by fiona", "confirmed by fred", "superseded by fred");
        assertThat(trail(correction)).contains("corrected by fiona", "confirmed by fred");
        Statements.View warned = statements.find(draft.id()).orElseThrow();
        assertThat(warned.lines().getFirst().rounded()).as("a draft keeps its value").isEqualByComparingTo("108.50");
        assertThat(warned.warnings()).extracting(Statements.Warning::code).contains("FX_RATE_SUPERSEDED");
        assertThat(warned.warnings()).filteredOn(warning -> warning.code().equals("FX_RATE_SUPERSEDED"))
                .singleElement().satisfies(warning -> assertThat(warning.message()).contains(wrong, correction));

        statements.discard(draft.id(), "converted at the mistyped CHF rate", "fiona");
        Statements.View redrafted = statements.draft(UUID.fromString(partner), period, "finance");

        assertThat(redrafted.lines().getFirst().rounded()).isEqualByComparingTo("10.85");
        assertThat(redrafted.lines().getFirst().fxRateId()).hasToString(correction);
        assertThat(redrafted.warnings()).extracting(Statements.Warning::code).doesNotContain("FX_RATE_SUPERSEDED");
    }

    @Test
    void aRateAnIssuedStatementConvertedAtIsNotCorrectedTheProblemNamesTheStatement() {
        String partner = fixtures.partner();
        SettlementPeriods.Period closing = fixtures.closingPeriodWithUsage(partner, "SEK", "20.00");
        UUID period = closing.id();
        String validFrom = closing.startAt().toString();
        String rate = fixtures.load("SEK", "EUR", "0.0870", validFrom).get("id").asString();
        confirm(rate, fred);
        Statements.View drafted = statements.draft(UUID.fromString(partner), period, "finance");
        Statements.View issued = statements.issue(statements.approve(drafted.id(), "finance-b").id());

        TestHttp.Response refused = fiona.post(RATES + "/" + rate + "/correction",
                "{\"rate\":\"0.0871\",\"reason\":\"late bank fixing\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains(issued.documentNumber(), issued.id().toString(), "note");
        assertThat(fiona.get(RATES + "?base=SEK&quote=EUR").header("X-Total-Count")).isEqualTo("1");
        assertThat(inForceId("SEK", validFrom)).isEqualTo(rate);
    }

    @Test
    void aCorrectionConfirmedWhileAStatementConvertedAtTheOldRateIsIssuedWaitsForTheIssueAndIsThenRefused() {
        String partner = fixtures.partner();
        SettlementPeriods.Period closing = fixtures.closingPeriodWithUsage(partner, "ILS", "20.00");
        String rate = fixtures.loadConfirmed("ILS", "EUR", "0.2450", closing.startAt().toString());
        Statements.View approved = statements.approve(statements.draft(UUID.fromString(partner), closing.id(),
                "finance").id(), "finance-b");
        String correction = fiona.post(RATES + "/" + rate + "/correction",
                "{\"rate\":\"0.2540\",\"reason\":\"digits swapped\"}").json().get("id").asString();

        FxRateFixtures.Race race = fixtures.confirmWhileIssuing(approved.id(), correction);

        assertThat(race.confirmationWaited()).as("the confirmation waits until the issue committed").isTrue();
        assertThat(race.confirmation().status()).as(race.confirmation().body()).isEqualTo(409);
        String documentNumber = statements.find(approved.id()).orElseThrow().documentNumber();
        assertThat(race.confirmation().body()).contains(documentNumber, approved.id().toString());
        assertThat(fiona.get(RATES + "/" + rate).json().get("state").asString())
                .as("the rate the issued statement converted at stays in force").isEqualTo("CONFIRMED");
        assertThat(fiona.get(RATES + "/" + correction).json().get("state").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void anApprovedStatementConvertedAtASupersededRateIsNotIssuedUntilDiscardedAndDraftedAgain() {
        String partner = fixtures.partner();
        SettlementPeriods.Period closing = fixtures.closingPeriodWithUsage(partner, "RON", "20.00");
        UUID period = closing.id();
        String wrong = fixtures.loadConfirmed("RON", "EUR", "2.010", closing.startAt().toString());
        Statements.View approved = statements.approve(statements.draft(UUID.fromString(partner), period,
                "finance").id(), "finance-b");
        String correction = fiona.post(RATES + "/" + wrong + "/correction",
                "{\"rate\":\"0.201\",\"reason\":\"decimal point slipped\"}").json().get("id").asString();
        confirm(correction, fred);

        TestHttp.Response refused = fiona.post("/api/settlement/statements/" + approved.id() + "/issue", "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/fx-rate-superseded");
        assertThat(refused.json().get("supersededRateIds").get(0).asString()).isEqualTo(wrong);
        assertThat(refused.json().get("supersedingRateIds").get(0).asString()).isEqualTo(correction);
        assertThat(refused.json().get("detail").asString()).contains(wrong, correction,
                "/api/settlement/statements/" + approved.id() + "/discard", "draft the period again");
        Statements.View unchanged = statements.find(approved.id()).orElseThrow();
        assertThat(unchanged.state()).isEqualTo("APPROVED");
        assertThat(unchanged.documentNumber()).isNull();
        assertThat(trail(approved.id().toString())).as("the refusal is audited").contains("refused by fiona")
                .doesNotContain("issued by fiona");

        statements.discard(approved.id(), "converted at the superseded RON rate", "fiona");
        Statements.View redrafted = statements.approve(statements.draft(UUID.fromString(partner), period,
                "finance").id(), "finance-b");
        assertThat(redrafted.lines().getFirst().fxRateId()).hasToString(correction);
        TestHttp.Response issued = fiona.post("/api/settlement/statements/" + redrafted.id() + "/issue", "");

        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.json().get("state").asString()).isEqualTo("ISSUED");
    }

    @Test
    void badCorrectionsAre4xxAndChangeNothing() {
        String id = fixtures.load("NZD", "SGD", "0.79", "2026-05-01T00:00:00Z").get("id").asString();

        assertThat(fiona.post(RATES + "/" + id + "/correction", "{\"rate\":\"-1\",\"reason\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(fiona.post(RATES + "/" + id + "/correction", "{\"rate\":\"0.8\"}").status()).isEqualTo(400);
        assertThat(fiona.post(RATES + "/" + UUID.randomUUID() + "/correction",
                "{\"rate\":\"0.8\",\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(fiona.post(RATES + "/" + UUID.randomUUID() + "/confirmation", "").status()).isEqualTo(404);
        TestHttp partner = fixtures.as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN));
        assertThat(partner.post(RATES + "/" + id + "/correction", "{\"rate\":\"0.8\",\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(partner.post(RATES + "/" + id + "/confirmation", "").status()).isEqualTo(403);
        assertThat(fiona.get(RATES + "?base=NZD&quote=SGD&state=bogus").status()).isEqualTo(400);
        assertThat(fiona.get(RATES + "?base=NZD&quote=SGD").header("X-Total-Count")).isEqualTo("1");
        assertThat(fiona.get(RATES + "?base=NZD&quote=SGD&state=PROPOSED").header("X-Total-Count")).isEqualTo("1");
    }

    private String inForceId(String base, String at) {
        return fiona.get(RATES + "/in-force?base=" + base + "&quote=EUR&at=" + at).json().get("rateId").asString();
    }

    private java.util.List<String> trail(String id) {
        TestHttp auditor = fixtures.as(TestJwt.staff("audrey", Roles.AUDITOR));
        return auditor.get("/api/settlement/audit?resourceId=" + id).json().valueStream()
                .map(entry -> entry.get("action").asString() + " by " + entry.get("actor").asString()).toList();
    }
}

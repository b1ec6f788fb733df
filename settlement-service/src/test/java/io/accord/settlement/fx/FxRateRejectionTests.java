package io.accord.settlement.fx;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static io.accord.settlement.fx.FxRateFixtures.RATES;
import static io.accord.settlement.fx.FxRateFixtures.body;
import static io.accord.settlement.fx.FxRateFixtures.confirm;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposed rate is rejected with a reason by a second finance user, or withdrawn by whoever loaded or corrected it:
 * REJECTED, kept, never in force, audited like a confirmation. Before, a proposal could only be confirmed or
 * corrected, and a wrong first load held its pair and instant for good.
 */
@AccordServiceTest
class FxRateRejectionTests {

    private final FxRateFixtures fixtures;
    private final TestHttp fiona;
    private final TestHttp fred;

    FxRateRejectionTests(FxRateFixtures fixtures) {
        this.fixtures = fixtures;
        this.fiona = fixtures.fiona();
        this.fred = fixtures.fred();
    }

    @Test
    void aSecondFinanceUserRejectsAProposedRateWithItsReasonItNeverConvertsAndItsInstantMayBeLoadedAgain() {
        String from = "2026-07-01T00:00:00Z";
        String wrong = fixtures.load("INR", "EUR", "0.1108", from).get("id").asString();

        TestHttp.Response rejected = fred.post(RATES + "/" + wrong + "/rejection",
                StatementFixtures.example("fx-rate-rejection.json"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectedBy").asString()).isEqualTo("fred");
        assertThat(rejected.json().path("rejectedAt").asString()).isNotBlank();
        assertThat(rejected.json().get("rejectionReason").asString()).startsWith("the bank's fixing");
        assertThat(fiona.get(RATES + "/in-force?base=INR&quote=EUR&at=2026-07-15T00:00:00Z").status())
                .as("never in force").isEqualTo(404);
        TestHttp.Response confirmation = fred.post(RATES + "/" + wrong + "/confirmation", "");
        assertThat(confirmation.status()).isEqualTo(409);
        assertThat(confirmation.body()).contains("REJECTED");
        assertThat(fred.post(RATES + "/" + wrong + "/rejection", "{\"reason\":\"again\"}").status())
                .as("rejected once").isEqualTo(409);
        assertThat(fiona.post(RATES + "/" + wrong + "/correction", "{\"rate\":\"0.0111\",\"reason\":\"x\"}")
                .status()).as("a rejected rate is loaded anew, not corrected").isEqualTo(409);
        assertThat(fiona.get(RATES + "?base=INR&quote=EUR&state=REJECTED").header("X-Total-Count")).isEqualTo("1");

        String right = fixtures.load("INR", "EUR", "0.0111", from).get("id").asString();
        confirm(right, fred);

        assertThat(fiona.get(RATES + "/in-force?base=INR&quote=EUR&at=2026-07-15T00:00:00Z").json()
                .get("rateId").asString()).isEqualTo(right);
        assertThat(fiona.get(RATES + "/" + wrong).json().get("state").asString()).as("kept").isEqualTo("REJECTED");
        assertThat(trail(wrong)).contains("loaded by fiona", "rejected by fred").doesNotContain("confirmed by fred");
    }

    @Test
    void theLoaderWithdrawsItsOwnProposalAndARejectedCorrectionLeavesTheCorrectedRateInForce() {
        String mine = fixtures.load("INR", "USD", "0.0120", "2026-07-01T00:00:00Z").get("id").asString();

        TestHttp.Response withdrawn = fiona.post(RATES + "/" + mine + "/rejection",
                "{\"reason\":\"loaded for the wrong day\"}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("state").asString()).isEqualTo("REJECTED");
        assertThat(withdrawn.json().get("rejectedBy").asString()).isEqualTo("fiona");
        assertThat(trail(mine)).contains("loaded by fiona", "withdrawn by fiona");

        String inForce = fixtures.loadConfirmed("INR", "USD", "0.0120", "2026-08-01T00:00:00Z");
        String correction = fiona.post(RATES + "/" + inForce + "/correction",
                "{\"rate\":\"0.0102\",\"reason\":\"digits swapped\"}").json().get("id").asString();
        TestHttp.Response notConfirmed = fiona.post(RATES + "/" + inForce + "/rejection", "{\"reason\":\"x\"}");
        assertThat(notConfirmed.status()).as("a confirmed rate is corrected, not rejected").isEqualTo(409);
        assertThat(notConfirmed.body()).contains("CONFIRMED");

        assertThat(fred.post(RATES + "/" + correction + "/rejection", "{\"reason\":\"0.0120 was right\"}").status())
                .isEqualTo(200);

        assertThat(fiona.get(RATES + "/in-force?base=INR&quote=USD&at=2026-08-15T00:00:00Z").json()
                .get("rateId").asString()).isEqualTo(inForce);
        assertThat(fiona.get(RATES + "/" + inForce).json().get("state").asString()).isEqualTo("CONFIRMED");
        TestHttp.Response next = fiona.post(RATES + "/" + inForce + "/correction",
                "{\"rate\":\"0.0121\",\"reason\":\"late fixing\"}");
        assertThat(next.status()).as("no correction pending any more: " + next.body()).isEqualTo(201);
        confirm(next.json().get("id").asString(), fred);
        assertThat(fiona.get(RATES + "/" + correction).json().get("state").asString())
                .as("a rejected version is not superseded").isEqualTo("REJECTED");
        assertThat(fiona.get(RATES + "/" + inForce).json().get("state").asString()).isEqualTo("SUPERSEDED");
    }

    @Test
    void aRejectionIsFinanceOnlyNeedsAReasonAndNamesAnExistingRate() {
        String id = fixtures.load("INR", "GBP", "0.0094", "2026-07-01T00:00:00Z").get("id").asString();

        assertThat(fred.post(RATES + "/" + id + "/rejection", "{}").status()).isEqualTo(400);
        assertThat(fred.post(RATES + "/" + id + "/rejection", "{\"reason\":\" \"}").status()).isEqualTo(400);
        assertThat(fred.post(RATES + "/" + id + "/rejection", "{\"reason\":\"" + "x".repeat(501) + "\"}")
                .status()).isEqualTo(400);
        assertThat(fred.post(RATES + "/" + UUID.randomUUID() + "/rejection", "{\"reason\":\"x\"}").status())
                .isEqualTo(404);
        for (TestHttp other : List.of(fixtures.as(TestJwt.staff("ada", Roles.PLATFORM_ADMIN)),
                fixtures.as(TestJwt.staff("audrey", Roles.AUDITOR)),
                fixtures.as(TestJwt.partner("p", UUID.randomUUID().toString(), Roles.PARTNER_ADMIN)))) {
            assertThat(other.post(RATES + "/" + id + "/rejection", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        }
        JsonNode still = fiona.get(RATES + "/" + id).json();
        assertThat(still.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(fiona.post(RATES, body("INR", "GBP", "0.0095", "2026-07-01T00:00:00Z")).status())
                .as("the proposal still holds its instant").isEqualTo(409);
    }

    private List<String> trail(String id) {
        TestHttp auditor = fixtures.as(TestJwt.staff("audrey", Roles.AUDITOR));
        return auditor.get("/api/settlement/audit?resourceId=" + id).json().valueStream()
                .map(entry -> entry.get("action").asString() + " by " + entry.get("actor").asString()).toList();
    }
}

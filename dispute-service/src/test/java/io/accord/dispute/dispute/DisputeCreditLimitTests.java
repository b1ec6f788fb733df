package io.accord.dispute.dispute;

import io.accord.dispute.SettlementFixtures;
import io.accord.dispute.document.DisputableDocuments;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What disputes credit on a statement stays within it across disputes: a line (or the statement) credited by one
 * resolved dispute cannot be credited again by the next, and two proposals cannot take the same remainder, at once
 * either. The cap was once per dispute: the same 10.86 line was credited 10.86 twice by two disputes in a row.
 */
@AccordServiceTest
class DisputeCreditLimitTests {

    @LocalServerPort
    int port;
    private final SettlementFixtures settlement;
    private final DisputableDocuments documents;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DisputeCreditLimitTests(SettlementFixtures settlement, DisputableDocuments documents, JdbcClient jdbc,
                            PlatformTransactionManager transactionManager) {
        this.settlement = settlement;
        this.documents = documents;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void aLineCreditedInFullByAResolvedDisputeCannotBeDisputedAgain() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "10.86", "5.00");
        String line = statement + "-1";
        String first = open(as, statement, line, "10.86");
        resolve(as, first, "10.86");

        TestHttp.Response again = claim(as, statement, line, "10.86");
        assertThat(again.status()).as(again.body()).isEqualTo(422);
        assertThat(again.contentType()).startsWith("application/problem+json");
        JsonNode problem = again.json();
        assertThat(problem.path("type").asString()).endsWith("/amount-exceeds-line");
        assertThat(problem.path("detail").asString()).contains("statement line " + line + " of 10.86 EUR")
                .contains("10.86 EUR was already credited by dispute " + first + " (10.86 EUR)")
                .contains("which leaves 0.00 EUR");
        assertThat(problem.path("lines").get(0).path("id").asString()).isEqualTo(line);
        assertThat(problem.path("lines").get(0).path("amount").asString()).isEqualTo("10.860000");
        assertThat(problem.path("alreadyCredited").get(0).path("disputeId").asString()).isEqualTo(first);
        assertThat(problem.path("alreadyCredited").get(0).path("amount").asString()).isEqualTo("10.860000");
        assertThat(problem.path("remaining").asString()).isEqualTo("0.000000");
        assertThat(claim(as, statement, line, "0.01").status()).isEqualTo(422);
        assertThat(disputesOf(as.partnerId)).isEqualTo(1);
        // the statement's other line is untouched
        assertThat(claim(as, statement, statement + "-2", "5.00").status()).isEqualTo(201);
    }

    @Test
    void aPartlyCreditedLineLeavesTheRestToTheNextDisputeAndItsProposal() {
        Disputing as = new Disputing(port);
        String statement = settlement.issueWithLines(as.partnerId, Instant.now(), "10.86");
        String line = statement + "-1";
        String first = open(as, statement, line, "10.86");
        resolve(as, first, "4.00");

        TestHttp.Response over = claim(as, statement, line, "6.87");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("limit").asString()).isEqualTo("6.860000");
        String second = open(as, statement, line, "6.86");
        resolve(as, second, "6.86");
        assertThat(as.partner.get(Disputing.API + "/kpis").json().path("amounts").path("EUR").path("adjusted")
                .asString()).isEqualTo("10.860000");
    }

    @Test
    void theStatementsTotalBoundsItsDisputesTogetherWhenTheirLinesAreUnknown() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        String first = open(as, statement, "line-x-" + statement, "60");
        resolve(as, first, "60");

        TestHttp.Response over = claim(as, statement, "line-y-" + statement, "40.01");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("detail").asString()).contains("what remains of the statement's total 100")
                .contains("dispute " + first + " (60.00 EUR)");
        assertThat(over.json().path("remaining").asString()).isEqualTo("40.000000");
        assertThat(over.json().path("lines").isMissingNode()).isTrue();
        assertThat(claim(as, statement, "line-y-" + statement, "40").status()).isEqualTo(201);
    }

    @Test
    void aPendingProposalHoldsItsAmountSoAnotherCannotProposeTheSameRemainder() {
        TwoClaims claims = twoClaimsOf60InReview();
        Disputing as = claims.as();
        String first = claims.first();
        String second = claims.second();
        assertThat(as.step(as.finance, first, "proposal", Disputing.proposal("60")).status()).isEqualTo(200);

        TestHttp.Response refused = as.step(as.finance, second, "proposal", Disputing.proposal("60"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).endsWith("/adjustment-exceeds-remaining");
        assertThat(refused.json().path("field").asString()).isEqualTo("amount");
        assertThat(refused.json().path("remaining").asString()).isEqualTo("40.000000");
        assertThat(refused.json().path("alreadyCredited").get(0).path("state").asString())
                .isEqualTo("resolutionProposed");
        assertThat(as.partner.get(Disputing.TICKETS + "/" + second).json().path("status").asString())
                .isEqualTo("inReview");

        assertThat(as.step(as.finance, second, "proposal", Disputing.proposal("40")).status()).isEqualTo(200);
        assertThat(as.step(as.partner, first, "acceptance", null).status()).isEqualTo(200);
        assertThat(as.step(as.partner, second, "acceptance", null).status()).isEqualTo(200);
    }

    /**
     * A proposal made while another on the statement is being made waits for it (the statement's row lock) and
     * then sees it: here the other is played by a transaction that holds the lock and gives the first dispute its 60.
     */
    @Test
    void aProposalMadeWhileAnotherIsBeingMadeWaitsForItAndCannotTakeTheSameRemainder() throws Exception {
        TwoClaims claims = twoClaimsOf60InReview();
        Disputing as = claims.as();
        String statement = claims.statement();
        String second = claims.second();
        assertThat(as.step(as.finance, claims.first(), "proposal", Disputing.proposal("0")).status()).isEqualTo(200);

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<TestHttp.Response> proposed = transactions.execute(status -> {
                documents.statementForUpdate(statement, UUID.fromString(as.partnerId));
                CompletableFuture<TestHttp.Response> meanwhile = CompletableFuture.supplyAsync(() -> as.step(
                        as.finance, second, "proposal", Disputing.proposal("60")), pool);
                assertThatThrownBy(() -> meanwhile.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
                jdbc.sql("update dispute set proposal = jsonb_set(proposal, '{amount}', '60') where id = :id")
                        .param("id", UUID.fromString(claims.first())).update();
                return meanwhile;
            });
            TestHttp.Response refused = proposed.get(30, TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().path("remaining").asString()).isEqualTo("40.000000");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAcceptanceBeyondWhatRemainsIsRefusedAndResolvesNothing() {
        TwoClaims claims = twoClaimsOf60();
        Disputing as = claims.as();
        String first = claims.first();
        String second = claims.second();
        as.step(as.finance, second, "review", null);
        assertThat(as.step(as.finance, second, "proposal", Disputing.proposal("60")).status()).isEqualTo(200);
        // a proposal made before the limit existed: the first dispute then credits its 60 first
        jdbc.sql("update dispute set state = 'RESOLUTION_PROPOSED', proposal = "
                        + "(select proposal from dispute where id = :second), version = version + 1 where id = :first")
                .param("first", UUID.fromString(first)).param("second", UUID.fromString(second)).update();
        assertThat(as.step(as.partner, first, "acceptance", null).status()).isEqualTo(200);

        TestHttp.Response refused = as.step(as.partner, second, "acceptance", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).endsWith("/adjustment-exceeds-remaining");
        assertThat(refused.json().path("remaining").asString()).isEqualTo("40.000000");
        assertThat(as.partner.get(Disputing.TICKETS + "/" + second).json().path("status").asString())
                .isEqualTo("resolutionProposed");
        assertThat(resolvedEvents(first)).isEqualTo(1);
        assertThat(resolvedEvents(second)).isZero();
    }

    /**
     * A charge moves money the other way: it is not bounded by what the partner may still be credited, and neither
     * pending nor accepted does it use that up (it counted as a credit: a charge of 60 left a claim of 40 on 100).
     */
    @Test
    void aChargeNeitherNeedsNorUsesUpTheCreditHeadroom() {
        TwoClaims claims = twoClaimsOf60InReview();
        Disputing as = claims.as();
        assertThat(as.step(as.finance, claims.first(), "proposal", Disputing.proposal("60")).status())
                .isEqualTo(200);

        TestHttp.Response charge = as.step(as.finance, claims.second(), "proposal",
                "{\"direction\": \"DEBIT_PARTNER\", \"amount\": \"60\", \"reason\": \"usage confirmed\"}");
        assertThat(charge.status()).as(charge.body()).isEqualTo(200);
        assertThat(as.step(as.partner, claims.second(), "acceptance", null).json().path("outcome").asString())
                .isEqualTo("COUNTER_CHARGED");
        TestHttp.Response credit = as.step(as.partner, claims.first(), "acceptance", null);
        assertThat(credit.status()).as(credit.body()).isEqualTo(200);

        // only the credit of 60 counts against the statement's 100
        TestHttp.Response over = claim(as, claims.statement(), "line-c-" + claims.statement(), "40.01");
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("remaining").asString()).isEqualTo("40.000000");
        assertThat(over.json().path("alreadyCredited")).hasSize(1);
        assertThat(over.json().path("alreadyCredited").get(0).path("disputeId").asString())
                .isEqualTo(claims.first());
        assertThat(claim(as, claims.statement(), "line-c-" + claims.statement(), "40").status()).isEqualTo(201);
    }

    /** Two disputes of 60 on two lines of one issued statement of 100.00. */
    private record TwoClaims(Disputing as, String statement, String first, String second) {
    }

    /** {@link #twoClaimsOf60()}, both taken into review by finance. */
    private TwoClaims twoClaimsOf60InReview() {
        TwoClaims claims = twoClaimsOf60();
        claims.as().step(claims.as().finance, claims.first(), "review", null);
        claims.as().step(claims.as().finance, claims.second(), "review", null);
        return claims;
    }

    private TwoClaims twoClaimsOf60() {
        Disputing as = new Disputing(port);
        String statement = settlement.issue(as.partnerId, "100.00", Instant.now());
        return new TwoClaims(as, statement, open(as, statement, "line-a-" + statement, "60"),
                open(as, statement, "line-b-" + statement, "60"));
    }

    /** Opens a dispute on {@code line} of the statement; its id. */
    private static String open(Disputing as, String statement, String line, String amount) {
        TestHttp.Response created = claim(as, statement, line, amount);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static TestHttp.Response claim(Disputing as, String statement, String line, String amount) {
        return as.partner.post(Disputing.TICKETS, Disputing.ticket(statement, line, amount, "RATE"));
    }

    private static void resolve(Disputing as, String id, String amount) {
        assertThat(as.step(as.finance, id, "review", null).status()).isEqualTo(200);
        TestHttp.Response proposed = as.step(as.finance, id, "proposal", Disputing.proposal(amount));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        TestHttp.Response accepted = as.step(as.partner, id, "acceptance", null);
        assertThat(accepted.json().path("status").asString()).as(accepted.body()).isEqualTo("resolved");
    }

    private long resolvedEvents(String disputeId) {
        return jdbc.sql("select count(*) from outbox_event where message_key = :id and event_type = 'DisputeResolved'")
                .param("id", disputeId).query(Long.class).single();
    }

    private long disputesOf(String partnerId) {
        return jdbc.sql("select count(*) from dispute where partner_id = :p").param("p", UUID.fromString(partnerId))
                .query(Long.class).single();
    }
}

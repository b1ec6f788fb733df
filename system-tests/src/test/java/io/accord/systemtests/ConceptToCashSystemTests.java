package io.accord.systemtests;

import io.accord.demo.ConceptToCash;
import io.accord.demo.DemoConfig;
import io.accord.demo.Narrator;
import io.accord.launcher.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concept to cash, end to end (ARCHITECTURE.md §3, issue 13): the scenario of {@code ./accord demo}
 * ({@link ConceptToCash}) with a small volume on the platform the system tests start, one test per step in order
 * (a step builds on the ones before it), each asserting its outcome; the last asserts both conservation equations
 * to the cent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class ConceptToCashSystemTests {

    private static final long RECORDS = 2_000;

    private ConceptToCash journey;
    private Path documents;

    @BeforeAll
    void startJourney(SharedPlatform.Running running) throws Exception {
        Platform platform = running.platform;
        documents = Files.createTempDirectory("accord-concept-to-cash-");
        DemoConfig config = new DemoConfig(platform.gatewayUrl(), platform.keycloakUrl(),
                platform.kafkaBootstrapServers(), platform.mailApiUrl(), RECORDS, documents);
        journey = new ConceptToCash(config, new Narrator() {
            @Override
            public void step(int number, String title) {
                System.out.println("[" + number + "/7] " + title);
            }

            @Override
            public void say(String line) {
                System.out.println("      " + line);
            }

            @Override
            public void progress(String label, long done, long total) {
                if (done >= total) {
                    System.out.printf("      %d / %d %s%n", done, total, label);
                }
            }
        });
    }

    @AfterAll
    void stopJourney() throws java.io.IOException {
        if (journey != null) {
            journey.close();
        }
        try (var paths = Files.walk(documents)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    @Order(1)
    void partnersApplyAndTheirAdminsLogIn() {
        journey.onboarding();

        assertThat(journey.ottPartner().id()).isNotBlank();
        assertThat(journey.resellerPartner().id()).isNotBlank();
    }

    @Test
    @Order(2)
    void offeringsAreImportedApprovedAndLaunched() {
        journey.catalog();
    }

    @Test
    @Order(3)
    void ordersAreFulfilledThroughTheWebhookAndAuto() {
        journey.orders();
    }

    @Test
    @Order(4)
    void usageIsRatedOnceWithDuplicatesSuspenseRecyclingAndAPriceCorrection() {
        journey.usage();

        ConceptToCash.Counts counts = journey.countsAtEndOfUsage();
        assertThat(counts.received()).isEqualTo(RECORDS);
        assertThat(counts.duplicates()).isEqualTo(journey.duplicatesSent());
        assertThat(counts.suspended()).as("recycled after the missing price was added").isZero();
        assertThat(counts.rated()).isEqualTo(RECORDS - journey.duplicatesSent());
    }

    @Test
    @Order(5)
    void financeClosesThePeriodAndIssuesStatementsWithFourEyes() throws Exception {
        journey.periodClose();

        assertThat(journey.ottPartner().statements()).hasSize(1);
        assertThat(journey.resellerPartner().statements()).hasSize(1);
        for (Path pdf : journey.pdfs()) {
            assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        }
    }

    @Test
    @Order(6)
    void theResellersInvoiceOpensADisputeWhoseCreditTheNextStatementCarries() {
        journey.reconciliationAndDispute();

        assertThat(journey.resellerPartner().statements()).hasSize(2);
        assertThat(journey.usageMatchCounts()).as("the reseller's CDRs against rating's real export")
                .containsEntry("MATCHED", journey.resellerCdrCount() - 1L)
                .containsEntry("DIFFERENT_QUANTITY", 1L)
                .containsEntry("ONLY_THEIRS", 2L)
                .containsEntry("ONLY_OURS", journey.resellerCallsSent() - journey.resellerCdrCount())
                .containsEntry("DIFFERENT_AMOUNT", 0L);
    }

    @Test
    @Order(7)
    void moneyAndRecordsAreConservedToTheCent() {
        journey.summary();

        ConceptToCash.Counts counts = journey.countsAtEnd();
        assertThat(counts.received()).isEqualTo(counts.rated() + counts.suspended() + counts.duplicates());
        assertThat(counts.received()).isEqualTo(RECORDS);
        ConceptToCash.Amounts amounts = journey.amountsAtEnd();
        assertThat(amounts.rated()).isPositive();
        assertThat(amounts.rated()).isEqualByComparingTo(amounts.onStatements().add(amounts.notYetOnStatement()));
        assertThat(amounts.difference()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(journey.conservationLine()).endsWith("difference 0.00");
        System.out.println(journey.conservationLine());
    }
}

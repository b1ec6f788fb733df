package io.accord.settlement.bench;

import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.bench.BenchInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code ./accord bench settlement} run tiny (20,000 records of one partner, 20 partners of 100 records, the service
 * in its own JVM against the test PostgreSQL and broker): it ends with the summary line, and every statement
 * it drafted matched the sums of what it produced (the bench checks lines and nets exactly and fails otherwise).
 */
class SettlementBenchTests {


    @Test
    void aTinyRunClosesThePeriodsIntoStatementsHoldingWhatWasProduced() throws Exception {
        BenchInfrastructure infrastructure = new BenchInfrastructure(
                TestInfrastructure.database("test_settlement_bench"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword(), TestInfrastructure.kafkaBootstrap());
        String topic = "bench.usage.rated." + Long.toString(System.nanoTime(), 36);

        SettlementBench.Result result = SettlementBench.run(SettlementBench.Options.parse(new String[] {
                "--records", "20000", "--partners=20", "--partner-records", "100", "--topic", topic}),
                infrastructure, System.getProperty("java.class.path"));

        assertThat(result.records()).isEqualTo(20_000);
        assertThat(result.partners()).isEqualTo(20);
        assertThat(result.consumeRate()).isPositive();
        assertThat(result.closeSeconds()).isPositive();
        assertThat(result.partnerSeconds()).isPositive();
        assertThat(result.bigNet().signum()).isNotZero();
        assertThat(result.summary()).matches(
                "settlement: 20000 records closed in \\d+\\.\\d\\d s \\(≤ 2 s: (met|missed)\\),"
                + " 20 partners in \\d+\\.\\d s \\(≤ 60 s: (met|missed)\\)");
    }

    @Test
    void aStatementThatDiffersFromWhatWasProducedFailsTheBench() {
        BenchUsage.Expected expected = new BenchUsage.Expected(1);
        expected.add(0, BenchUsage.Kind.VIDEO, 1, 297_000, false);
        expected.add(0, BenchUsage.Kind.VIDEO, 1, 297_000, false);
        expected.add(0, BenchUsage.Kind.VOICE, 61, 12_200, false);
        UUID period = UUID.randomUUID();
        JsonNode matching = statement(period, "0.58", "0.594000", "2", "-0.012200", "61");

        SettlementBench.checkStatement(matching, expected, 0, period);

        assertThatIllegalStateException().isThrownBy(() -> SettlementBench.checkStatement(
                statement(period, "0.58", "0.594001", "2", "-0.012200", "61"), expected, 0, period))
                .withMessageContaining("bench-video × CONTENT_VIEW amount 0.594001");
        assertThatIllegalStateException().isThrownBy(() -> SettlementBench.checkStatement(
                statement(period, "0.59", "0.594000", "2", "-0.012200", "61"), expected, 0, period))
                .withMessageContaining("net 0.59");
        assertThatIllegalStateException().isThrownBy(() -> SettlementBench.checkStatement(
                statement(period, "0.58", "0.594000", "2", "-0.012200", "60"), expected, 0, period))
                .withMessageContaining("quantity 60");
        assertThatIllegalStateException().isThrownBy(() -> SettlementBench.checkStatement(
                matching, expected, 0, UUID.randomUUID())).withMessageContaining("not of period");
    }

    @Test
    void summaryOptionsAndClasspath() {
        assertThat(new SettlementBench.Result(10_000_000, 90_000, 40_000, 0.4212, 1000, 61.04, BigDecimal.ONE)
                .summary()).isEqualTo("settlement: 10000000 records closed in 0.42 s (≤ 2 s: met), 1000 partners"
                + " in 61.0 s (≤ 60 s: missed)");
        SettlementBench.Options defaults = SettlementBench.Options.parse(new String[0]);
        assertThat(defaults.records()).isEqualTo(10_000_000);
        assertThat(defaults.partners()).isEqualTo(1000);
        assertThat(defaults.topic()).isEqualTo("usage.rated.v1");
        SettlementBench.Options options = SettlementBench.Options.parse(new String[] {"--records", "1m",
                "--partners=1,500", "--jfr=/tmp/s.jfr", "--service-arg", "--accord.settlement.usage.batch-size=4000"});
        assertThat(options.records()).isEqualTo(1_000_000);
        assertThat(options.partners()).isEqualTo(1500);
        assertThat(options.jfr()).isEqualTo(Path.of("/tmp/s.jfr"));
        assertThat(options.extraArgs()).isEqualTo(List.of("--accord.settlement.usage.batch-size=4000"));
        assertThat(SettlementBench.Options.parse(new String[] {"--records=2.5e6"}).records()).isEqualTo(2_500_000);
        assertThatIllegalArgumentException().isThrownBy(() -> SettlementBench.Options.parse(
                new String[] {"--records=0"}));
        assertThatIllegalArgumentException().isThrownBy(() -> SettlementBench.Options.parse(
                new String[] {"--bogus", "1"}));
        assertThatIllegalArgumentException().isThrownBy(() -> SettlementBench.Options.parse(
                new String[] {"--partners"}));
        assertThat(SettlementBench.serviceClasspath(String.join(java.io.File.pathSeparator,
                "/w/settlement-service/target/test-classes", "/w/settlement-service/target/classes", "/m/x.jar")))
                .isEqualTo(String.join(java.io.File.pathSeparator, "/w/settlement-service/target/classes",
                        "/m/x.jar"));
    }

    private static JsonNode statement(UUID period, String net, String video, String videoQuantity, String voice,
                                      String voiceQuantity) {
        return SettlementBench.EXACT.readTree("""
                {"periodId":"%s","netAmount":%s,"lines":[
                 {"offeringId":"bench-video","usageType":"CONTENT_VIEW","unrounded":%s,"quantity":%s},
                 {"offeringId":"bench-mobile","usageType":"VOICE","unrounded":%s,"quantity":%s},
                 {"type":"TAX","offeringId":null,"usageType":null,"unrounded":1,"quantity":null}]}
                """.formatted(period, net, video, videoQuantity, voice, voiceQuantity));
    }
}

package io.accord.settlement.statement;

import io.accord.contracts.Roles;
import io.accord.settlement.StatementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A usage line says what its quantity counts (docs/settlement.md, "Statement lines"): its billed unit, the rated
 * records behind it and the one unit price they were charged at, in the statement's JSON, its lines CSV and its
 * document; lines drafted before V78 take their unit and record count from their usage sum.
 */
@AccordServiceTest
class UsageLineFiguresTests {

    private static final String STATEMENTS = "/api/settlement/statements/";

    @LocalServerPort
    int port;

    private final StatementFixtures fixtures;
    private final Statements statements;
    private final SettlementPeriods periods;
    private final UsageSums sums;
    private final JdbcClient jdbc;
    private final Clock clock;

    UsageLineFiguresTests(StatementFixtures statementFixtures, SettlementPeriods periods, UsageSums sums,
                          Statements statements, JdbcClient jdbc, Clock clock) {
        this.fixtures = statementFixtures;
        this.statements = statements;
        this.periods = periods;
        this.sums = sums;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Test
    void usageLinesShowTheirUnitRecordCountAndUnitPriceInTheJsonTheCsvAndTheDocument() {
        String partner = fixtures.partner();
        Statements.View drafted = wholesaleStatement(partner);
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        JsonNode lines = finance.get(STATEMENTS + drafted.id()).json().path("lines");
        JsonNode megabytes = line(lines, "MB");
        assertThat(megabytes.path("usageType").asString()).isEqualTo("DATA");
        assertThat(new BigDecimal(megabytes.path("quantity").asString())).isEqualByComparingTo("1274.5");
        assertThat(megabytes.path("recordCount").asLong()).isEqualTo(2);
        // 0.80 EUR per GB charged per MB: 1274.5 × 0.00078125 = 0.995703 (to the records' rounding)
        assertThat(new BigDecimal(megabytes.path("unitPrice").asString())).isEqualByComparingTo("0.00078125");
        JsonNode gigabytes = line(lines, "GB");
        assertThat(gigabytes.path("recordCount").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(gigabytes.path("unitPrice").asString())).isEqualByComparingTo("0.8");
        // one record raised to a least charge: no one price
        JsonNode minutes = line(lines, "MIN");
        assertThat(minutes.path("recordCount").asLong()).isEqualTo(2);
        assertThat(minutes.path("unitPrice").isNull()).isTrue();

        String csv = finance.get(STATEMENTS + drafted.id() + "/lines").body();
        List<String> rows = csv.lines().toList();
        assertThat(rows.getFirst()).isEqualTo(StatementLinesCsv.HEADER.strip())
                .startsWith("statementId,documentNumber,documentType,periodStart,periodEnd,lineNumber,lineId,type,"
                        + "description,offeringId,usageType,quantity,direction,reference,exactAmount,amount,"
                        + "taxRatePercent,taxAmount,currency,sourceAmount,sourceCurrency,fxRate,")
                .endsWith(",fxRate,unit,recordCount,unitPrice,shareRate,fxRateId");
        // unit, record count and unit price, then the share rate and the FX rate's id (the last column)
        assertThat(rows).anySatisfy(row -> assertThat(row).contains(",1274.5,")
                .containsPattern(",MB,2,0\\.00078125,[^,]*,[^,]*$"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsPattern(",GB,1,0\\.8,[^,]*,[^,]*$"));
        assertThat(rows).anySatisfy(row -> assertThat(row).containsPattern(",MIN,2,,[^,]*,[^,]*$"));

        Statements.View issued = statements.issue(statements.approve(drafted.id(), "finance-b").id());
        JsonNode document = finance.header("Accept", "application/json")
                .get(STATEMENTS + issued.id() + "/document").json();
        assertThat(line(document.path("lines"), "MB").path("usage").asString())
                .isEqualTo("2 rated records, 1274.5 MB charged at 0.00078125 EUR per MB");
        assertThat(line(document.path("lines"), "MIN").path("usage").asString())
                .isEqualTo("2 rated records, 4.1 MIN");
    }

    @Test
    void aLineDraftedBeforeV78TakesItsUnitAndRecordCountFromItsUsageSumButNoPrice() throws Exception {
        String partner = fixtures.partner();
        Statements.View drafted = wholesaleStatement(partner);
        jdbc.sql("update statement_line set billed_unit = null, record_count = null, unit_price = null "
                + "where statement_id = :id").param("id", drafted.id()).update();
        String migration = new ClassPathResource("db/migration/V78__usage_line_unit_count_and_price.sql")
                .getContentAsString(StandardCharsets.UTF_8);

        jdbc.sql(migration.substring(migration.indexOf("update statement_line l"))).update();

        Statements.View reread = statements.find(drafted.id()).orElseThrow();
        Statements.Line megabytes = reread.lines().stream().filter(line -> "MB".equals(line.unit())).findFirst()
                .orElseThrow();
        assertThat(megabytes.recordCount()).isEqualTo(2);
        assertThat(megabytes.unitPrice()).isNull();
        assertThat(reread.lines()).extracting(Statements.Line::unit).containsExactlyInAnyOrder("GB", "MB", "MIN");
        assertThat(reread.lines()).extracting(Statements.Line::recordCount).containsExactlyInAnyOrder(1L, 2L, 2L);
    }

    @Test
    void aReRatedLineKeepsTheOnePriceAndShareOfItsRecordsInForceAndALineOfMixedSharesShowsNone() {
        String partner = fixtures.partner();
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        // 10 plays first rated at 1.00 EUR each, then re-rated at 0.50: the reversal cancels the first record
        io.accord.contracts.usage.UsageRated first = share(partner, "PLAY", "10", "EVENT", "10.00", "70");
        RatedUsageEvents.send(first, RatedUsageEvents.reversalOf(first),
                share(partner, "PLAY", "10", "EVENT", "5.00", "70"),
                share(partner, "PLAY", "4", "EVENT", "2.00", "70"),
                share(partner, "VOICE", "60", "S", "1.00", "70"),
                share(partner, "VOICE", "60", "S", "1.00", "50"));
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).stream()
                .mapToLong(UsageSums.Sum::recordCount).sum() == 4 && sums.ofPeriod(period).stream()
                .mapToLong(UsageSums.Sum::reversalCount).sum() == 1);
        periods.startClosing(period);
        Statements.View drafted = statements.draft(partnerId, period, "finance");
        TestHttp finance = TestHttp.localPort(port).as(TestJwt.staff("fiona", Roles.FINANCE));

        JsonNode lines = finance.get(STATEMENTS + drafted.id()).json().path("lines");
        JsonNode plays = line(lines, "EVENT");
        assertThat(plays.path("recordCount").asLong()).isEqualTo(2);
        assertThat(new BigDecimal(plays.path("unitPrice").asString())).isEqualByComparingTo("0.5");
        assertThat(new BigDecimal(plays.path("shareRate").asString())).isEqualByComparingTo("70");
        // 14 plays at 0.50, 70 %: 4.90
        assertThat(new BigDecimal(plays.path("unrounded").asString())).isEqualByComparingTo("4.90");
        JsonNode seconds = line(lines, "S");
        assertThat(seconds.path("unitPrice").isNull()).as("one price, 1.00 EUR per 60 s").isFalse();
        assertThat(seconds.path("shareRate").isNull()).as("records of two shares: none").isTrue();

        Statements.View issued = statements.issue(statements.approve(drafted.id(), "finance-b").id());
        JsonNode document = finance.header("Accept", "application/json")
                .get(STATEMENTS + issued.id() + "/document").json();
        assertThat(line(document.path("lines"), "EVENT").path("shareRate").asString()).isEqualTo("70");
        assertThat(document.path("language").asString()).isEqualTo("de");
    }

    private static io.accord.contracts.usage.UsageRated share(String partner, String usageType, String quantity,
                                                              String unit, String charge, String percent) {
        return RatedUsageEvents.rated("off-video", Instant.now().minus(Duration.ofDays(40))).usageType(usageType)
                .quantity(quantity, unit).charge(charge).share(partner, percent).build();
    }

    /**
     * A reseller's drafted statement of DATA in MB (two records at 0.80 EUR per GB), in GB (one) and VOICE in
     * minutes (one at 0.01 EUR per minute, one raised to a 0.50 least charge): three wholesale lines.
     */
    private Statements.View wholesaleStatement(String partner) {
        UUID partnerId = UUID.fromString(partner);
        Instant usage = clock.instant().minus(Duration.ofDays(40));
        UUID period = periods.periodFor(partnerId, usage).orElseThrow().period().id();
        RatedUsageEvents.send(
                wholesale(partner, usage, "DATA", "1000", "MB", "0.78125"),
                wholesale(partner, usage, "DATA", "274.5", "MB", "0.214453"),
                wholesale(partner, usage, "DATA", "1.5", "GB", "1.2"),
                wholesale(partner, usage, "VOICE", "3", "MIN", "0.03"),
                wholesale(partner, usage, "VOICE", "1.1", "MIN", "0.5"));
        await().atMost(StatementFixtures.PATIENCE).until(() -> sums.ofPeriod(period).size() == 3
                && sums.ofPeriod(period).stream().mapToLong(UsageSums.Sum::recordCount).sum() == 5);
        periods.startClosing(period);
        return statements.draft(partnerId, period, "finance");
    }

    private static io.accord.contracts.usage.UsageRated wholesale(String partner, Instant usage, String usageType,
                                                                  String quantity, String unit, String charge) {
        return RatedUsageEvents.rated("off-s60a", usage).allocation("RESELL").usageType(usageType)
                .quantity(quantity, unit).charge(charge).wholesale(partner).build();
    }

    private static JsonNode line(JsonNode lines, String unit) {
        for (JsonNode line : lines) {
            if (unit.equals(line.path("unit").asString())) {
                return line;
            }
        }
        throw new AssertionError("no line in " + unit + ": " + lines);
    }
}

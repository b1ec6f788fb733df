package io.accord.settlement.reconciliation;

import com.sun.net.httpserver.HttpServer;
import io.accord.contracts.usage.UsageRated;
import io.accord.settlement.SettlementFixtures;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.RatedUsageEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Our side of a usage match is what the invoice period's statement billed: real rated usage through the topic into
 * the period sums (late usage of a closed period included), a statement drafted, then the match's own reading of
 * rating's export against a local HTTP server that answers as rating's export is specified (partner, usage time
 * window, toSequence; the real rating in system tests) and the SQL matcher on the real database.
 */
@AccordServiceTest
class StatementUsageMatchTests {

    private final SettlementPeriods periods;
    private final Statements statements;
    private final UsageSums sums;
    private final SettlementFixtures fixtures;
    private final SqlUsageMatcher matcher;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    private HttpServer rating;
    /** What "rating" has rated: every record the test sent. */
    private final List<UsageRated> rated = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();

    StatementUsageMatchTests(SettlementPeriods periods, Statements statements, UsageSums sums,
                             SettlementFixtures fixtures, SqlUsageMatcher matcher,
                             PlatformTransactionManager transactionManager, JdbcClient jdbc, Clock clock) {
        this.periods = periods;
        this.statements = statements;
        this.sums = sums;
        this.fixtures = fixtures;
        this.matcher = matcher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeEach
    void startRating() throws IOException {
        rating = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        rating.createContext(RatingExport.PATH, exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("ratedId,source,usageId,subscriberId,usageTime,usageType,quantity,unit,currency,charge,"
                        + "partnerAmount,direction,offeringId,productInstanceId,reversalOf,measuredQuantity,"
                        + "measuredUnit,taxCategory\n").getBytes(StandardCharsets.UTF_8));
                for (UsageRated record : export(query)) {
                    out.write(csv(record, query.get("partnerId")).getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        rating.start();
    }

    @AfterEach
    void stopRating() {
        rating.stop(0);
    }

    /** As rating's export selects: the partner's records of [from, to), up to toSequence, in sequence order. */
    private List<UsageRated> export(Map<String, String> query) {
        Instant from = Instant.parse(query.get("from"));
        Instant to = Instant.parse(query.get("to"));
        long toSequence = query.containsKey("toSequence") ? Long.parseLong(query.get("toSequence")) : Long.MAX_VALUE;
        return rated.stream()
                .filter(record -> record.parties().stream().anyMatch(party ->
                        party.partnerId().equals(query.get("partnerId"))))
                .filter(record -> !record.usageTime().toInstant().isBefore(from)
                        && record.usageTime().toInstant().isBefore(to))
                .filter(record -> record.sequence() <= toSequence)
                .sorted(Comparator.comparingLong(UsageRated::sequence)).toList();
    }

    private static String csv(UsageRated record, String partnerId) {
        UsageRated.PartyAmount party = record.parties().stream()
                .filter(candidate -> candidate.partnerId().equals(partnerId)).findFirst().orElseThrow();
        return String.join(",", record.ratedId().toString(), record.source(), record.usageId(),
                "'" + record.subscriberId(), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.usageTime()),
                record.usageType(), record.billedQuantity(), record.billedUnit(), record.currency(), record.charge(),
                party.amount(), party.direction().name(), record.offeringId(), record.productInstanceId(),
                record.reversalOf() == null ? "" : record.reversalOf().toString(), record.billedQuantity(),
                record.billedUnit(), "") + "\n";
    }

    /**
     * A partner's period B, its statement drafted: B's own record {@code own}, and {@code late}, usage of the period
     * A before it that arrived after A was closed, so B's statement billed it as a prior-period line; then
     * {@code afterDraft}, usage of B rated after B's statement was drafted (it goes on the next statement).
     */
    private record Drafted(UUID partnerId, SettlementPeriods.Period period, UsageRated own, UsageRated late,
                           UsageRated afterDraft) {
    }

    private Drafted draftedWithLateUsage() {
        Instant now = clock.instant();
        String partner = fixtures.partnerInForceFrom(now.minus(Duration.ofDays(200)), "MONTHLY");
        UUID partnerId = UUID.fromString(partner);
        periods.periodFor(partnerId, now.minus(Duration.ofDays(80))); // opens the periods from then on
        SettlementPeriods.Period b = periods.periodFor(partnerId, now.minus(Duration.ofDays(40))).orElseThrow()
                .period();
        UUID a = periods.ofPartner(partnerId).stream().filter(period -> period.endAt().equals(b.startAt()))
                .findFirst().orElseThrow().id();
        periods.startClosing(a);
        periods.close(a);
        UsageRated own = send(RatedUsageEvents.rated("off-video", b.startAt().plus(Duration.ofDays(2)))
                .charge("2.00").share(partner, "50").build());
        UsageRated late = send(RatedUsageEvents.rated("off-video", b.startAt().minus(Duration.ofDays(3)))
                .charge("4.00").share(partner, "50").build());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sums.ofPeriod(b.id()))
                .extracting(UsageSums.Sum::priorPeriod, sum -> sum.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple(false, "1"), tuple(true, "2")));
        periods.startClosing(b.id());
        statements.draft(partnerId, b.id(), "finance");

        UsageRated afterDraft = send(RatedUsageEvents.rated("off-video", b.startAt().plus(Duration.ofDays(5)))
                .charge("8.00").share(partner, "50").build());
        UUID next = periods.periodFor(partnerId, b.endAt()).orElseThrow().period().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> sums.ofPeriod(next).stream().anyMatch(
                sum -> sum.priorPeriod() && sum.amount().compareTo(new BigDecimal("4.000000")) == 0));
        SettlementPeriods.Period closing = periods.ofPartner(partnerId).stream()
                .filter(period -> period.id().equals(b.id())).findFirst().orElseThrow();
        return new Drafted(partnerId, closing, own, late, afterDraft);
    }

    private UsageRated send(UsageRated record) {
        rated.add(record);
        RatedUsageEvents.send(record);
        return record;
    }

    /** The partner's CDRs of the given records (same usage id, subscriber, time, quantity and amount). */
    private static List<UsageMatcher.Record> theirs(UsageRated... records) {
        return java.util.Arrays.stream(records).map(record -> new UsageMatcher.Record(record.usageId(),
                record.subscriberId(), record.usageTime().toInstant(), record.usageType(),
                new BigDecimal(record.billedQuantity()), new BigDecimal(record.parties().getFirst().amount()), null,
                null)).toList();
    }

    private record Result(OurUsage.Source source, Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals) {
    }

    /** The match as UsageMatching runs it, with rating's export read from the local server. */
    private Result match(Drafted drafted, List<UsageMatcher.Record> theirs) {
        OurUsage ours = new OurUsage(sums, RatingExport.of(URI.create("http://127.0.0.1:" + rating.getAddress()
                .getPort()), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        OurUsage.Source source = ours.source(drafted.partnerId(), drafted.period());
        Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals = transactions.execute(status -> {
            try (OurUsage.Side side = ours.open(source, "token", null, 100)) {
                return matcher.match(UUID.randomUUID(), theirs.iterator(), side, new UsageMatcher.Rules(
                        UsageMatcher.Mode.USAGE_ID, 0, BigDecimal.ZERO, BigDecimal.ZERO), side.statement());
            }
        });
        return new Result(source, totals);
    }

    @Test
    void aLateRecordOfThePriorPeriodBilledOnThisStatementMatchesThePartnersCdr() {
        Drafted drafted = draftedWithLateUsage();

        Result result = match(drafted, theirs(drafted.own(), drafted.late()));

        // before, only the period window was read: the late record was ONLY_THEIRS
        assertThat(result.totals().get(UsageMatcher.Outcome.ONLY_THEIRS).count()).isZero();
        assertThat(result.totals().get(UsageMatcher.Outcome.MATCHED).count()).isEqualTo(2);
        assertThat(result.totals().get(UsageMatcher.Outcome.MATCHED).ourAmount()).isEqualByComparingTo("3.000000");
        assertThat(result.source().basis()).isEqualTo(OurUsage.Basis.STATEMENT);
        // the late record's own period window was asked for, up to the highest sequence the statement took
        assertThat(queries).anySatisfy(query -> assertThat(query).contains("toSequence="
                + Math.max(drafted.own().sequence(), drafted.late().sequence())));
    }

    @Test
    void aRecordOfThisPeriodRatedAfterTheStatementWasDraftedIsNotOurs() {
        Drafted drafted = draftedWithLateUsage();

        Result result = match(drafted, theirs(drafted.own(), drafted.late()));

        // before, every record of the period window was ours: the one rated after the draft was ONLY_OURS (4.00)
        assertThat(result.totals().get(UsageMatcher.Outcome.ONLY_OURS).count()).isZero();
        assertThat(result.totals().get(UsageMatcher.Outcome.ONLY_OURS).ourAmount()).isEqualByComparingTo("0");
        assertThat(result.totals().values().stream().map(UsageMatcher.Totals::ourAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("3.000000");
    }

    @Test
    void aPeriodSummedBeforeTheStatementBasisIsMatchedOnItsWindowAsBefore() {
        Drafted drafted = draftedWithLateUsage();
        // as a sum added before V70 is kept: without its highest sequence
        jdbc.sql("update usage_sum set max_sequence = null where period_id = :p and prior_period")
                .param("p", drafted.period().id()).update();

        Result result = match(drafted, theirs(drafted.own(), drafted.late()));

        assertThat(result.source().basis()).isEqualTo(OurUsage.Basis.PERIOD_WINDOW);
        assertThat(result.totals().get(UsageMatcher.Outcome.MATCHED).count()).isEqualTo(1);
        assertThat(result.totals().get(UsageMatcher.Outcome.ONLY_THEIRS).count()).isEqualTo(1);
        assertThat(result.totals().get(UsageMatcher.Outcome.ONLY_OURS).ourAmount()).isEqualByComparingTo("4");
        assertThat(queries).noneSatisfy(query -> assertThat(query).contains("toSequence"));
    }
}

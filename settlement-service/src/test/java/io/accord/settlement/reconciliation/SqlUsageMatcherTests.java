package io.accord.settlement.reconciliation;

import io.accord.settlement.usage.UsageSums;
import io.accord.testsupport.AccordServiceTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record-level matcher on its own, fed by two generated streams (never a list: the records are made as they are
 * read), against the real PostgreSQL that does the sorting and joining.
 */
@AccordServiceTest
class SqlUsageMatcherTests {

    private static final int RECORDS = 100_000;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal DIME = new BigDecimal("0.100000");

    private final SqlUsageMatcher matcher;

    SqlUsageMatcherTests(SqlUsageMatcher matcher) {
        this.matcher = matcher;
    }

    /**
     * Per ten usage ids: 0–3 agree; 4 was rated, then reversed and not rated again (only theirs); 5 was reversed and
     * rated again (the current rating agrees); 6 has another amount; 7 another quantity; 8 is missing in their file
     * (only ours); 9 is missing in our rated usage (only theirs).
     */
    @Test
    void matchesByUsageIdWithEveryOutcomeOverALargeGeneratedInput() {
        UUID match = UUID.randomUUID();
        Iterator<UsageMatcher.Record> theirs = IntStream.range(0, RECORDS).filter(i -> i % 10 != 8)
                .mapToObj(i -> record("u-" + i, i, i % 10 == 7 ? new BigDecimal("2") : ONE,
                        i % 10 == 6 ? new BigDecimal("0.200000") : DIME, null, null)).iterator();
        Iterator<UsageMatcher.Record> ours = IntStream.range(0, RECORDS).filter(i -> i % 10 != 9)
                .boxed().flatMap(SqlUsageMatcherTests::ourRatings).iterator();

        Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals = matcher.match(match, theirs, ours,
                new UsageMatcher.Rules(UsageMatcher.Mode.USAGE_ID, 0, BigDecimal.ZERO, BigDecimal.ZERO));

        int tens = RECORDS / 10;
        assertThat(totals.get(UsageMatcher.Outcome.MATCHED).count()).isEqualTo(5L * tens);
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_THEIRS).count()).isEqualTo(2L * tens);
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_OURS).count()).isEqualTo(tens);
        assertThat(totals.get(UsageMatcher.Outcome.DIFFERENT_QUANTITY).count()).isEqualTo(tens);
        assertThat(totals.get(UsageMatcher.Outcome.DIFFERENT_AMOUNT).count()).isEqualTo(tens);
        assertThat(totals.get(UsageMatcher.Outcome.MATCHED).ourAmount())
                .isEqualByComparingTo(DIME.multiply(BigDecimal.valueOf(5L * tens)));
        assertThat(totals.get(UsageMatcher.Outcome.DIFFERENT_AMOUNT).theirAmount())
                .isEqualByComparingTo(new BigDecimal("0.2").multiply(BigDecimal.valueOf(tens)));
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_OURS).theirAmount()).isZero();
        assertThat(totals.get(UsageMatcher.Outcome.DIFFERENT_QUANTITY).theirQuantity())
                .isEqualByComparingTo(BigDecimal.valueOf(2L * tens));

        List<UsageMatcher.Unmatched> unmatched = new ArrayList<>();
        matcher.unmatched(match, unmatched::add);
        assertThat(unmatched).hasSize(5 * tens);
        assertThat(unmatched).filteredOn(record -> record.theirUsageId() != null && record.theirUsageId().equals("u-4"))
                .singleElement().satisfies(record -> {
                    assertThat(record.outcome()).isEqualTo("ONLY_THEIRS");
                    assertThat(record.ourQuantity()).isNull();
                });
        assertThat(unmatched).filteredOn(record -> "u-8".equals(record.usageId())).singleElement()
                .satisfies(record -> assertThat(record.outcome()).isEqualTo("ONLY_OURS"));
        assertThat(unmatched).filteredOn(record -> "u-6".equals(record.usageId())).singleElement()
                .satisfies(record -> {
                    assertThat(record.outcome()).isEqualTo("DIFFERENT_AMOUNT");
                    assertThat(record.ourAmount()).isEqualByComparingTo("0.1");
                    assertThat(record.theirAmount()).isEqualByComparingTo("0.2");
                });
        matcher.forget(match);
        List<UsageMatcher.Unmatched> forgotten = new ArrayList<>();
        matcher.unmatched(match, forgotten::add);
        assertThat(forgotten).isEmpty();
    }

    /**
     * Our ratings of usage i: one, or a rating and its reversal, or (for 5, as rating's export has them after a
     * re-rating) a rating, its reversal and its RERATED replacement, both naming it in {@code reversalOf}.
     */
    private static Stream<UsageMatcher.Record> ourRatings(int i) {
        String usage = "u-" + i;
        UsageMatcher.Record rated = record(usage, i, ONE, DIME, "r-" + i, null);
        if (i % 10 == 4) {
            return Stream.of(rated, record(usage, i, ONE.negate(), DIME.negate(), "r-" + i + "-rev", "r-" + i));
        }
        if (i % 10 == 5) {
            return Stream.of(rated, record(usage, i, ONE.negate(), DIME.negate(), "r-" + i + "-rev", "r-" + i),
                    record(usage, i, ONE, DIME, "r-" + i + "-new", "r-" + i));
        }
        return Stream.of(rated);
    }

    /**
     * On a statement's basis (its window is [T0, T0 + 1 h)), ours keeps what the statement billed: of the window, not
     * the record placed elsewhere (rated late: it went on the next statement) nor the reversal placed on a later
     * statement (so the rating this statement billed stays current); before the window, only the late record placed
     * on this statement. Their file holds the on-time, late and moved records.
     */
    @Test
    void onAStatementsBasisOursIsWhatTheStatementBilledBeforeReversalsCancel() {
        UUID own = UUID.randomUUID();
        UUID reversal = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        List<UsageMatcher.Record> ours = List.of(
                record("u-earlier", -7200, ONE, DIME, earlier.toString(), null),
                record("u-late", -3600, ONE, DIME, late.toString(), null),
                record("u-own", 10, ONE, DIME, own.toString(), null),
                record("u-moved", 20, ONE, DIME, moved.toString(), null),
                record("u-own", 10, ONE.negate(), DIME.negate(), reversal.toString(), own.toString()));
        List<UsageSums.Placed> placed = List.of(new UsageSums.Placed(late, true),
                new UsageSums.Placed(moved, false), new UsageSums.Placed(reversal, false));
        List<UsageMatcher.Record> theirs = List.of(record("u-own", 10, ONE, DIME, null, null),
                record("u-late", -3600, ONE, DIME, null, null), record("u-moved", 20, ONE, DIME, null, null));

        Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals = matcher.match(UUID.randomUUID(), theirs.iterator(),
                ours.iterator(), new UsageMatcher.Rules(UsageMatcher.Mode.USAGE_ID, 0, BigDecimal.ZERO,
                        BigDecimal.ZERO), new UsageMatcher.Statement(T0, T0.plusSeconds(3600), placed.iterator()));

        assertThat(totals.get(UsageMatcher.Outcome.MATCHED).count()).isEqualTo(2);
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_THEIRS).count()).isEqualTo(1);
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_THEIRS).theirAmount()).isEqualByComparingTo(DIME);
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_OURS).count()).isZero();
    }

    @Test
    void matchesByKeysWithinTheTimeWindowAndQuantityToleranceClosestFirst() {
        UUID match = UUID.randomUUID();
        List<UsageMatcher.Record> theirs = List.of(
                keyed("s-1", 0, "10", "1.00"),        // ours at +60 s exactly: pairs
                keyed("s-2", 0, "10", "1.00"),        // ours at +61 s: outside the window
                keyed("s-3", 0, "10", "1.00"),        // ours 10.5: within the quantity tolerance, amount differs
                keyed("s-4", 0, "10", "1.00"),        // two of ours in the window: the closer one pairs ...
                keyed("s-4", 40, "10", "1.00"),       // ... and this one the other, in the next round
                keyed("s-5", 0, "10", "1.00"));       // ours 11: beyond the quantity tolerance
        List<UsageMatcher.Record> ours = List.of(
                keyed("s-1", 60, "10", "1.00"),
                keyed("s-2", 61, "10", "1.00"),
                keyed("s-3", 0, "10.5", "1.50"),
                keyed("s-4", 5, "10", "1.00"),
                keyed("s-4", 35, "10", "1.00"),
                keyed("s-5", 0, "11", "1.00"));

        Map<UsageMatcher.Outcome, UsageMatcher.Totals> totals = matcher.match(match, theirs.iterator(),
                ours.iterator(), new UsageMatcher.Rules(UsageMatcher.Mode.KEYS, 60, new BigDecimal("0.5"),
                        new BigDecimal("0.01")));

        assertThat(totals.get(UsageMatcher.Outcome.MATCHED).count()).isEqualTo(3);
        assertThat(totals.get(UsageMatcher.Outcome.DIFFERENT_AMOUNT).count()).isEqualTo(1);
        assertThat(totals.get(UsageMatcher.Outcome.DIFFERENT_QUANTITY).count()).isZero();
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_THEIRS).count()).isEqualTo(2);
        assertThat(totals.get(UsageMatcher.Outcome.ONLY_OURS).count()).isEqualTo(2);
        List<UsageMatcher.Unmatched> unmatched = new ArrayList<>();
        matcher.unmatched(match, unmatched::add);
        assertThat(unmatched).extracting(UsageMatcher.Unmatched::outcome, UsageMatcher.Unmatched::subscriberId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("DIFFERENT_AMOUNT", "s-3"),
                        org.assertj.core.groups.Tuple.tuple("ONLY_THEIRS", "s-2"),
                        org.assertj.core.groups.Tuple.tuple("ONLY_THEIRS", "s-5"),
                        org.assertj.core.groups.Tuple.tuple("ONLY_OURS", "s-2"),
                        org.assertj.core.groups.Tuple.tuple("ONLY_OURS", "s-5"));
    }

    private static UsageMatcher.Record record(String usageId, int i, BigDecimal quantity, BigDecimal amount,
                                              String ratedId, String reversalOf) {
        return new UsageMatcher.Record(usageId, "sub-" + (i % 977), T0.plusSeconds(i), "VOICE", quantity, amount,
                ratedId, reversalOf);
    }

    private static UsageMatcher.Record keyed(String subscriber, int seconds, String quantity, String amount) {
        return new UsageMatcher.Record(UUID.randomUUID().toString(), subscriber, T0.plusSeconds(seconds), "VOICE",
                new BigDecimal(quantity), new BigDecimal(amount), null, null);
    }
}

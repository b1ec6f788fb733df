package io.accord.catalog.price;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever sequence of price changes arrives (past corrections, announced future changes, at any "now"), the
 * versions the timeline keeps never overlap, and a version that had started is never superseded.
 */
class PriceTimelineTests {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 500)
    void versionsNeverOverlap(@ForAll("changes") List<int[]> changes) {
        List<PriceTimeline.Period> active = new ArrayList<>();
        for (int[] change : changes) {
            Instant start = EPOCH.plusSeconds(change[0] * 3600L);
            Instant now = EPOCH.plusSeconds(change[1] * 3600L);
            Optional<PriceTimeline.Plan> plan = PriceTimeline.plan(active, start, now, new StringBuilder());
            if (plan.isEmpty()) {
                continue;
            }
            assertThat(plan.get().replaced()).as("the replaced version is the one in force at the new start")
                    .isEqualTo(active.stream().filter(period -> !period.from().isAfter(start)
                            && (period.to() == null || period.to().isAfter(start)))
                            .map(PriceTimeline.Period::id).findFirst());
            List<PriceTimeline.Period> next = new ArrayList<>();
            for (PriceTimeline.Period period : active) {
                if (plan.get().superseded().contains(period.id())) {
                    assertThat(period.from()).as("only versions not yet started are superseded").isAfter(now);
                    continue;
                }
                boolean closed = plan.get().closed().filter(period.id()::equals).isPresent();
                next.add(closed ? new PriceTimeline.Period(period.id(), period.from(), start) : period);
            }
            next.add(new PriceTimeline.Period(UUID.randomUUID(), start, null));
            active = next;
            assertNoOverlap(active);
        }
    }

    @Provide
    Arbitrary<List<int[]>> changes() {
        return Arbitraries.integers().between(0, 200).array(int[].class).ofSize(2).list().ofMaxSize(25);
    }

    @Test
    void aCorrectionMayNotReachBeforeTheStartOfAVersionInForce() {
        UUID current = UUID.randomUUID();
        StringBuilder reason = new StringBuilder();

        var plan = PriceTimeline.plan(List.of(new PriceTimeline.Period(current, EPOCH, null)), EPOCH.minusSeconds(1),
                EPOCH.plusSeconds(60), reason);

        assertThat(plan).isEmpty();
        assertThat(reason.toString()).contains("already in force");
    }

    @Test
    void anAnnouncedChangeEndsTheCurrentVersionAndSupersedesAnEarlierAnnouncement() {
        UUID current = UUID.randomUUID();
        UUID announced = UUID.randomUUID();
        Instant now = EPOCH.plusSeconds(3600);

        var plan = PriceTimeline.plan(List.of(new PriceTimeline.Period(current, EPOCH, EPOCH.plusSeconds(7200)),
                new PriceTimeline.Period(announced, EPOCH.plusSeconds(7200), null)), EPOCH.plusSeconds(5400), now,
                new StringBuilder()).orElseThrow();

        assertThat(plan.closed()).contains(current);
        assertThat(plan.superseded()).containsExactly(announced);
    }

    @Test
    void aBackdatedCorrectionReplacesTheVersionInForceAtItsStartAndSupersedesTheAnnouncedOne() {
        UUID current = UUID.randomUUID();
        UUID announced = UUID.randomUUID();
        Instant now = EPOCH.plusSeconds(10 * 3600);
        Instant announcedStart = now.plusSeconds(48 * 3600);

        var plan = PriceTimeline.plan(List.of(new PriceTimeline.Period(current, EPOCH, announcedStart),
                new PriceTimeline.Period(announced, announcedStart, null)), now.minusSeconds(3600), now,
                new StringBuilder()).orElseThrow();

        assertThat(plan.replaced()).contains(current);
        assertThat(plan.closed()).contains(current);
        assertThat(plan.superseded()).containsExactly(announced);
    }

    @Test
    void aChangeStartingWhereAnAnnouncedVersionWouldStartReplacesThatOne() {
        UUID current = UUID.randomUUID();
        UUID announced = UUID.randomUUID();
        Instant announcedStart = EPOCH.plusSeconds(7200);

        var plan = PriceTimeline.plan(List.of(new PriceTimeline.Period(current, EPOCH, announcedStart),
                new PriceTimeline.Period(announced, announcedStart, null)), announcedStart, EPOCH.plusSeconds(3600),
                new StringBuilder()).orElseThrow();

        assertThat(plan.closed()).isEmpty();
        assertThat(plan.replaced()).contains(announced);
        assertThat(plan.superseded()).containsExactly(announced);
    }

    @Test
    void theReviewedBaselineIsTheNewestReviewedVersionStartedByThenWhateverThePolicyApprovedSince() {
        UUID launched = UUID.randomUUID();
        UUID byPolicy = UUID.randomUUID();
        UUID announced = UUID.randomUUID();
        UUID correction = UUID.randomUUID();
        Instant tomorrow = EPOCH.plusSeconds(24 * 3600);
        List<PriceTimeline.Approval> versions = List.of(new PriceTimeline.Approval(launched, 1, EPOCH, true),
                new PriceTimeline.Approval(byPolicy, 2, tomorrow, false),
                new PriceTimeline.Approval(announced, 3, tomorrow.plusSeconds(3600), true));

        assertThat(PriceTimeline.reviewedAt(versions, tomorrow)).as("the policy's version is no baseline")
                .contains(launched);
        assertThat(PriceTimeline.reviewedAt(versions, tomorrow.plusSeconds(7200))).contains(announced);
        assertThat(PriceTimeline.reviewedAt(versions, EPOCH.minusSeconds(1))).isEmpty();
        // a reviewed version starting earlier supersedes the reviewed one announced later
        List<PriceTimeline.Approval> corrected = new ArrayList<>(versions);
        corrected.add(new PriceTimeline.Approval(correction, 4, tomorrow.plusSeconds(1800), true));
        assertThat(PriceTimeline.reviewedAt(corrected, tomorrow.plusSeconds(7200))).contains(correction);
    }

    private static void assertNoOverlap(List<PriceTimeline.Period> periods) {
        for (int i = 0; i < periods.size(); i++) {
            for (int j = i + 1; j < periods.size(); j++) {
                PriceTimeline.Period a = periods.get(i);
                PriceTimeline.Period b = periods.get(j);
                boolean aBeforeB = a.to() != null && !a.to().isAfter(b.from());
                boolean bBeforeA = b.to() != null && !b.to().isAfter(a.from());
                assertThat(aBeforeB || bBeforeA).as("%s and %s overlap", a, b).isTrue();
            }
        }
    }
}

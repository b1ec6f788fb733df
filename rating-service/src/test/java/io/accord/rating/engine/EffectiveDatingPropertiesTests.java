package io.accord.rating.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.List;

import static io.accord.rating.engine.RatingFixtures.agreement;
import static io.accord.rating.engine.RatingFixtures.engine;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** Wherever the version change falls and whenever the usage is, the version with from ≤ t < to rates it. */
class EffectiveDatingPropertiesTests {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    @Property(tries = 300)
    void theVersionInForceAtTheExactInstantRates(@ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long changeNanos,
                                                 @ForAll @LongRange(min = -3, max = 3) long offsetNanos) {
        Instant change = START.plusNanos(changeNanos);
        Instant at = change.plusNanos(offsetNanos);
        RatingEngine engine = engine(
                List.of(instance("pi-old").ownedBy("a").valid(RatingFixtures.EPOCH, change).build(),
                        instance("pi-new").ownedBy("a").valid(change, null).build()),
                List.of(price("old").valid(RatingFixtures.EPOCH, change).build(),
                        price("new").valid(change, null).build()),
                List.of(agreement("a").id("agr-old", 1).share(null, null, "10").valid(RatingFixtures.EPOCH, change)
                        .build(), agreement("a").id("agr-new", 2).share(null, null, "10").valid(change, null).build()));

        RatingOutcome outcome = engine.rate(usage().at(at).build(), new TierAccumulators());

        boolean newVersions = !at.isBefore(change);
        assertThat(outcome).isInstanceOfSatisfying(RatedUsage.class, rated -> {
            assertThat(rated.basis().productInstanceId()).isEqualTo(newVersions ? "pi-new" : "pi-old");
            assertThat(rated.basis().priceVersionId()).isEqualTo(newVersions ? "new" : "old");
            assertThat(rated.basis().agreements().getFirst().agreementId())
                    .isEqualTo(newVersions ? "agr-new" : "agr-old");
        });
    }
}

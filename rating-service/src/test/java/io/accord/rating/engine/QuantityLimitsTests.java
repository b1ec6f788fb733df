package io.accord.rating.engine;

import io.accord.contracts.catalog.UnitOfMeasure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static io.accord.rating.engine.RatingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityLimitsTests {

    private static final RatingSnapshot SNAPSHOT = new RatingSnapshot(List.of(instance("pi").build()), List.of(
            price("voice").rate("0.002").build(),
            price("data").usageType("DATA").unit(UnitOfMeasure.MB).rate("0.01").build(),
            price("sms").usageType("SMS").unit(UnitOfMeasure.MESSAGE).rate("0.05").build(),
            price("views").usageType("VIEW").unit(UnitOfMeasure.EVENT).rate("0.99").build(),
            price("calls").usageType("API").unit(UnitOfMeasure.API_CALL).rate("0.001").build()), List.of());

    /** The inputs' engine, with the default limits. */
    private final RatingEngine inputs = new UsageWindow(RatingEngine.DEFAULT_TOO_OLD_AFTER,
            java.time.Duration.ofDays(1)).engine(SNAPSHOT, RatingFixtures.CLOCK);

    private boolean rated(RatingEngine engine, String type, String quantity, UnitOfMeasure unit) {
        TierAccumulators accumulators = new TierAccumulators();
        RatingOutcome outcome = engine.rate(usage().type(type).quantity(quantity, unit).build(), accumulators);
        if (outcome instanceof SuspendedUsage suspended) {
            assertThat(suspended.reason()).as(suspended.detail()).isEqualTo(SuspenseReason.INVALID);
            assertThat(suspended.detail()).contains("is more than the", "one usage record may measure");
            assertThat(accumulators.snapshot()).as("nothing accumulated").isEmpty();
            return false;
        }
        assertThat(outcome).isInstanceOf(RatedUsage.class);
        return true;
    }

    private boolean rated(String type, String quantity, UnitOfMeasure unit) {
        return rated(inputs, type, quantity, unit);
    }

    @Test
    void theDefaultsAreSevenDaysTenTerabytesAndAMillion() {
        assertThat(QuantityLimits.DEFAULTS).isEqualTo(new QuantityLimits(604_800, 10L * 1024 * 1024 * 1024 * 1024,
                1_000_000));
        assertThat(new UsageWindow(RatingEngine.DEFAULT_TOO_OLD_AFTER, java.time.Duration.ofDays(1)).limits())
                .isEqualTo(QuantityLimits.DEFAULTS);
    }

    @Test
    void aDurationUpToSevenDaysIsRatedAndBeyondItIsInvalid() {
        assertThat(rated("VOICE", "604800", UnitOfMeasure.S)).isTrue();
        assertThat(rated("VOICE", "604801", UnitOfMeasure.S)).isFalse();
        assertThat(rated("VOICE", "604800.000000001", UnitOfMeasure.S)).isFalse();
        assertThat(rated("VOICE", "10080", UnitOfMeasure.MIN)).isTrue();
        assertThat(rated("VOICE", "10080.000001", UnitOfMeasure.MIN)).isFalse();
        assertThat(rated("VOICE", "168", UnitOfMeasure.H)).isTrue();
        assertThat(rated("VOICE", "169", UnitOfMeasure.H)).isFalse();
        assertThat(rated("VOICE", "999999999999999", UnitOfMeasure.S)).as("the reviewer's record").isFalse();
        assertThat(rated("VOICE", "99999999999999999999", UnitOfMeasure.S)).as("beyond a long").isFalse();
        assertThat(rated("VOICE", "1E+30", UnitOfMeasure.S)).isFalse();
        assertThat(rated("VOICE", "0", UnitOfMeasure.S)).isTrue();
    }

    @Test
    void aDataVolumeUpToTenTerabytesIsRatedAndBeyondItIsInvalid() {
        assertThat(rated("DATA", "10995116277760", UnitOfMeasure.B)).isTrue();
        assertThat(rated("DATA", "10995116277761", UnitOfMeasure.B)).isFalse();
        assertThat(rated("DATA", "10737418240", UnitOfMeasure.KB)).isTrue();
        assertThat(rated("DATA", "10737418240.001", UnitOfMeasure.KB)).isFalse();
        assertThat(rated("DATA", "10240", UnitOfMeasure.GB)).isTrue();
        assertThat(rated("DATA", "10240.000000000001", UnitOfMeasure.GB)).isFalse();
        assertThat(rated("DATA", "10241", UnitOfMeasure.GB)).isFalse();
    }

    @Test
    void aCountUpToAMillionIsRatedAndBeyondItIsInvalid() {
        for (String type : List.of("SMS", "VIEW", "API")) {
            UnitOfMeasure unit = switch (type) {
                case "SMS" -> UnitOfMeasure.MESSAGE;
                case "VIEW" -> UnitOfMeasure.EVENT;
                default -> UnitOfMeasure.API_CALL;
            };
            assertThat(rated(type, "1000000", unit)).as(type).isTrue();
            assertThat(rated(type, "1000001", unit)).as(type).isFalse();
            assertThat(rated(type, "1000000.5", unit)).as(type).isFalse();
        }
    }

    @Test
    void theDetailNamesTheQuantityTheLimitAndItsProperty() {
        SuspendedUsage voice = (SuspendedUsage) inputs.rate(usage().quantity("999999999999999", UnitOfMeasure.S)
                .build(), new TierAccumulators());
        assertThat(voice.detail()).isEqualTo("quantity 999999999999999 S is more than the duration one usage record"
                + " may measure (604800 s, accord.rating.ingest.max-record-duration): a mediation error, or raise"
                + " the limit and recycle");
        SuspendedUsage data = (SuspendedUsage) inputs.rate(usage().type("DATA").quantity("10241", UnitOfMeasure.GB)
                .build(), new TierAccumulators());
        assertThat(data.detail()).isEqualTo("quantity 10241 GB is more than the data volume one usage record may"
                + " measure (10995116277760 B, accord.rating.ingest.max-record-data): a mediation error, or raise the"
                + " limit and recycle");
        SuspendedUsage sms = (SuspendedUsage) inputs.rate(usage().type("SMS").quantity("1000001",
                UnitOfMeasure.MESSAGE).build(), new TierAccumulators());
        assertThat(sms.detail()).isEqualTo("quantity 1000001 MESSAGE is more than the count one usage record may"
                + " measure (1000000, accord.rating.ingest.max-record-count): a mediation error, or raise the limit"
                + " and recycle");
    }

    @Test
    void theLimitsAreConfigurableAndARaisedLimitRatesTheRecordWhileReratingHasNone() {
        RatingEngine raised = new UsageWindow(RatingEngine.DEFAULT_TOO_OLD_AFTER, java.time.Duration.ofDays(1),
                new QuantityLimits(2 * 604_800, 20L << 40, 2_000_000)).engine(SNAPSHOT, RatingFixtures.CLOCK);
        assertThat(rated(raised, "VOICE", "604801", UnitOfMeasure.S)).isTrue();
        assertThat(rated(raised, "VOICE", "1209601", UnitOfMeasure.S)).isFalse();
        assertThat(rated(raised, "DATA", "10241", UnitOfMeasure.GB)).isTrue();
        assertThat(rated(raised, "SMS", "1000001", UnitOfMeasure.MESSAGE)).isTrue();

        RatingEngine strict = new UsageWindow(RatingEngine.DEFAULT_TOO_OLD_AFTER, java.time.Duration.ofDays(1),
                new QuantityLimits(60, 1024, 1)).engine(SNAPSHOT, RatingFixtures.CLOCK);
        assertThat(rated(strict, "VOICE", "1", UnitOfMeasure.MIN)).isTrue();
        assertThat(rated(strict, "VOICE", "61", UnitOfMeasure.S)).isFalse();
        assertThat(rated(strict, "DATA", "1", UnitOfMeasure.KB)).isTrue();
        assertThat(rated(strict, "DATA", "1025", UnitOfMeasure.B)).isFalse();
        assertThat(rated(strict, "SMS", "2", UnitOfMeasure.MESSAGE)).isFalse();

        // re-rating's engine: its records were accepted before, so it suspends none of them newly
        RatingEngine rerating = new RatingEngine(SNAPSHOT, RatingFixtures.CLOCK, RatingEngine.DEFAULT_TOO_OLD_AFTER);
        assertThat(rated(rerating, "VOICE", "604801", UnitOfMeasure.S)).isTrue();
        assertThat(rated(rerating, "DATA", "10241", UnitOfMeasure.GB)).isTrue();
    }

    @Test
    void aLimitIsPositive() {
        assertThatThrownBy(() -> new QuantityLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuantityLimits(1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuantityLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.accord.rating.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.accord.rating.engine.RatingFixtures.EPOCH;
import static io.accord.rating.engine.RatingFixtures.instance;
import static io.accord.rating.engine.RatingFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot derived with changed product instances ({@link RatingSnapshot#withInstances}) holds exactly what a
 * snapshot built from all the instances after the changes holds, whether its changes are kept beside the shared
 * instances or folded into new indexes.
 */
class DerivedSnapshotPropertiesTests {

    private static final List<String> SUBSCRIBERS = IntStream.range(0, 12).mapToObj(i -> "+4917000000" + i).toList();
    private static final List<String> IDS = IntStream.range(0, 24).mapToObj(i -> "pi-" + i).toList();
    private static final List<UsagePriceVersion> PRICES = List.of(
            price("sms").offering("offer-a").usageType("SMS").build(),
            price("voice").offering("offer-b").usageType("VOICE").build());

    /** One change: the instance with this id replaced (its identifiers, offering, validity) or removed. */
    record Change(String id, boolean remove, List<String> identifiers, String offering, int startDay, int days) {

        ProductInstance instance() {
            return RatingFixtures.instance(id).subscriber(identifiers.getFirst()).alsoKnownAs(identifiers.subList(1,
                            identifiers.size()).toArray(String[]::new)).offering(offering)
                    .valid(EPOCH.plus(Duration.ofDays(startDay)), days == 0 ? null
                            : EPOCH.plus(Duration.ofDays(startDay + days))).build();
        }
    }

    @Property(tries = 300)
    void aDerivedSnapshotHoldsWhatOneBuiltFromAllInstancesHolds(@ForAll("steps") List<List<Change>> steps,
                                                                @ForAll @IntRange(min = 0, max = 6) int fold) {
        Map<String, ProductInstance> all = new LinkedHashMap<>();
        RatingSnapshot derived = new RatingSnapshot(List.of(), PRICES, List.of());
        for (List<Change> step : steps) {
            Map<String, Change> last = new LinkedHashMap<>();
            step.forEach(change -> last.put(change.id(), change));
            List<ProductInstance> replaced = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (Change change : last.values()) {
                if (change.remove()) {
                    removed.add(change.id());
                    all.remove(change.id());
                } else {
                    replaced.add(change.instance());
                    all.put(change.id(), change.instance());
                }
            }
            derived = derived.withInstances(replaced, removed, fold);
            assertSameInstances(derived, new RatingSnapshot(all.values(), PRICES, List.of()));
        }
    }

    @Test
    void theSnapshotItIsDerivedFromStaysAsItWas() {
        RatingSnapshot before = new RatingSnapshot(List.of(
                instance("pi-1").subscriber("+491").offering("offer-a").build(),
                instance("pi-2").subscriber("+492").offering("offer-a").build()), PRICES, List.of());
        RatingSnapshot after = before.withInstances(
                List.of(instance("pi-1").subscriber("+493").offering("offer-b").build()), List.of("pi-2"));

        assertThat(ids(before.instancesOf("+491"))).containsExactly("pi-1");
        assertThat(ids(before.instancesOf("+492"))).containsExactly("pi-2");
        assertThat(before.instanceCount()).isEqualTo(2);
        assertThat(after.instancesOf("+491")).isEmpty();
        assertThat(after.instancesOf("+492")).isEmpty();
        assertThat(ids(after.instancesOf("+493"))).containsExactly("pi-1");
        assertThat(after.instance("pi-2")).isNull();
        assertThat(after.instanceCount()).isEqualTo(1);
    }

    @Test
    void anIdReplacedTwiceOrReplacedAndRemovedIsRefused() {
        RatingSnapshot snapshot = new RatingSnapshot(List.of(), PRICES, List.of());
        ProductInstance one = instance("pi-1").subscriber("+491").offering("offer-a").build();
        assertThatThrownBy(() -> snapshot.withInstances(List.of(one, one), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pi-1");
        assertThatThrownBy(() -> snapshot.withInstances(List.of(one), List.of("pi-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pi-1");
    }

    private static void assertSameInstances(RatingSnapshot derived, RatingSnapshot built) {
        assertThat(derived.instanceCount()).isEqualTo(built.instanceCount());
        for (String subscriber : SUBSCRIBERS) {
            assertThat(instances(derived.instancesOf(subscriber))).as(subscriber)
                    .isEqualTo(instances(built.instancesOf(subscriber)));
        }
        for (String id : IDS) {
            CompiledInstance fromDerived = derived.instance(id);
            CompiledInstance fromBuilt = built.instance(id);
            assertThat(fromDerived == null ? null : fromDerived.instance).as(id)
                    .isEqualTo(fromBuilt == null ? null : fromBuilt.instance);
        }
    }

    private static Map<String, ProductInstance> instances(CompiledInstance[] compiled) {
        Map<String, ProductInstance> byId = new HashMap<>();
        for (CompiledInstance instance : compiled) {
            assertThat(byId.put(instance.instance.instanceId(), instance.instance)).as("listed once").isNull();
        }
        return byId;
    }

    private static Set<String> ids(CompiledInstance[] compiled) {
        return java.util.Arrays.stream(compiled).map(instance -> instance.instance.instanceId())
                .collect(Collectors.toCollection(HashSet::new));
    }

    @Provide
    Arbitrary<List<List<Change>>> steps() {
        Arbitrary<List<String>> identifiers = Arbitraries.of(SUBSCRIBERS).list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements();
        Arbitrary<Change> change = Combinators.combine(Arbitraries.of(IDS), Arbitraries.integers().between(0, 3),
                        identifiers, Arbitraries.of("offer-a", "offer-b"), Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 60))
                .as((id, kind, ids, offering, start, days) -> new Change(id, kind == 0, ids, offering, start, days));
        return change.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(12);
    }
}

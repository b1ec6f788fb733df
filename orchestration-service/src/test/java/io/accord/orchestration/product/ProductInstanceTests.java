package io.accord.orchestration.product;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The product instance's state machine: every allowed transition, and every refused one a 409 naming the state. */
class ProductInstanceTests {

    private static final Instant ORDERED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<ProductDetails.SubscriberIdentifier> IDS =
            List.of(new ProductDetails.SubscriberIdentifier("MSISDN", "+4915100000001"));
    private static final List<RealisingResource> RESOURCES =
            List.of(new RealisingResource("MSISDN", "+4915100000001", UUID.randomUUID()));

    /** One way to try each transition on an instance. */
    enum Transition {
        ACTIVATE(p -> p.activate(IDS, RESOURCES, LATER)),
        MODIFY(p -> p.modify(Map.of("dataVolumeGb", "50"), LATER)),
        SUSPEND(p -> p.suspend("unpaid", Suspension.byStaff("ops", LATER))),
        RESUME(p -> p.resume("paid", Suspension.Side.STAFF, LATER)),
        TERMINATE(p -> p.terminate("moved", LATER)),
        CANCEL(p -> p.cancel("order failed", LATER));

        final Consumer<ProductInstance> action;

        Transition(Consumer<ProductInstance> action) {
            this.action = action;
        }
    }

    /** Which transitions each state allows (a repeated activate/terminate/cancel is a no-op, tested apart). */
    private static final Map<ProductState, List<Transition>> ALLOWED = Map.of(
            ProductState.CREATED, List.of(Transition.ACTIVATE, Transition.CANCEL),
            ProductState.ACTIVE, List.of(Transition.MODIFY, Transition.SUSPEND, Transition.TERMINATE),
            ProductState.SUSPENDED, List.of(Transition.MODIFY, Transition.RESUME, Transition.TERMINATE),
            ProductState.TERMINATED, List.of(),
            ProductState.CANCELLED, List.of());

    @Test
    void aNewInstanceIsCreatedWithTheOfferingAsItWasAtOrderTime() {
        ProductInstance product = created();

        assertThat(product.state).isEqualTo(ProductState.CREATED);
        assertThat(product.startAt).isNull();
        assertThat(product.ownerPartnerId).isNotNull();
        assertThat(product.participants).extracting(OfferingLaunched.Participant::sharePercent).containsExactly("30");
        assertThat(product.characteristics).containsEntry("dataVolumeGb", "20");
    }

    @Test
    void activationSetsStartIdentifiersAndResources() {
        ProductInstance product = created();

        assertThat(product.activate(IDS, RESOURCES, LATER)).isTrue();

        assertThat(product.state).isEqualTo(ProductState.ACTIVE);
        assertThat(product.startAt).isEqualTo(LATER);
        assertThat(product.identifiers).isEqualTo(IDS);
        assertThat(product.resources).isEqualTo(RESOURCES);
    }

    @Test
    void activatingAgainWithTheSameDataChangesNothingAndWithOtherDataIsAConflict() {
        ProductInstance product = in(ProductState.ACTIVE);

        assertThat(product.activate(IDS, RESOURCES, LATER.plusSeconds(60))).isFalse();
        assertThat(product.startAt).isEqualTo(LATER);
        assertThatThrownBy(() -> product.activate(List.of(), RESOURCES, LATER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already active");
    }

    @Test
    void suspendResumeAndTerminateMoveTheStateAndRecordTheReason() {
        ProductInstance product = in(ProductState.ACTIVE);

        product.suspend("unpaid", Suspension.byPartner("mvno-admin", LATER));
        assertThat(product.state).isEqualTo(ProductState.SUSPENDED);
        assertThat(product.stateReason).isEqualTo("unpaid");
        assertThat(product.suspension).isEqualTo(Suspension.byPartner("mvno-admin", LATER));
        product.resume("paid", Suspension.Side.PARTNER, LATER);
        assertThat(product.state).isEqualTo(ProductState.ACTIVE);
        assertThat(product.suspension).as("only a suspended instance is barred").isNull();
        product.suspend("again", Suspension.byStaff("ops", LATER));
        assertThat(product.terminate("moved", LATER.plusSeconds(5))).isTrue();

        assertThat(product.state).isEqualTo(ProductState.TERMINATED);
        assertThat(product.endAt).isEqualTo(LATER.plusSeconds(5));
        assertThat(product.terminate("twice", LATER.plusSeconds(9))).isFalse();
        assertThat(product.endAt).as("a repeated termination keeps the first end").isEqualTo(LATER.plusSeconds(5));
        assertThat(product.stateReason).isEqualTo("moved");
        assertThat(product.suspension).isNull();
    }

    @Test
    void aPartnerLiftsOnlyItsOwnBarAndStaffTakeOverAPartnersBar() {
        ProductInstance barredByStaff = in(ProductState.ACTIVE);
        barredByStaff.suspend("fraud", Suspension.byStaff("ops-fraud", LATER));

        assertThatThrownBy(() -> barredByStaff.resume("paid", Suspension.Side.PARTNER, LATER.plusSeconds(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("suspended by the CSP")
                .hasMessageContaining("partner manager").hasMessageNotContaining("ops-fraud");
        assertThat(barredByStaff.takeOver("unpaid", Suspension.byPartner("mvno-admin", LATER.plusSeconds(2))))
                .as("a partner does not turn a staff bar into its own").isFalse();
        assertThat(barredByStaff.suspension).isEqualTo(Suspension.byStaff("ops-fraud", LATER));
        assertThat(barredByStaff.stateReason).isEqualTo("fraud");
        barredByStaff.resume("cleared", Suspension.Side.STAFF, LATER.plusSeconds(3));
        assertThat(barredByStaff.state).isEqualTo(ProductState.ACTIVE);

        ProductInstance barredByPartner = in(ProductState.ACTIVE);
        barredByPartner.suspend("unpaid", Suspension.byPartner("mvno-admin", LATER));
        assertThat(barredByPartner.takeOver("unpaid again", Suspension.byPartner("mvno-agent", LATER)))
                .as("the first bar of a side stays").isFalse();
        assertThat(barredByPartner.takeOver("legal order", Suspension.byStaff("ops-legal", LATER.plusSeconds(5))))
                .isTrue();
        assertThat(barredByPartner.suspension).isEqualTo(Suspension.byStaff("ops-legal", LATER.plusSeconds(5)));
        assertThat(barredByPartner.stateReason).isEqualTo("legal order");
        assertThat(barredByPartner.state).isEqualTo(ProductState.SUSPENDED);
        assertThatThrownBy(() -> barredByPartner.resume("paid", Suspension.Side.PARTNER, LATER))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in(ProductState.ACTIVE).takeOver("x", Suspension.byStaff("ops", LATER)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is active");
    }

    @Test
    void cancellingIsForInstancesNeverActivatedAndMayBeRepeated() {
        ProductInstance product = created();

        assertThat(product.cancel("order failed", LATER)).isTrue();
        assertThat(product.state).isEqualTo(ProductState.CANCELLED);
        assertThat(product.cancel("again", LATER)).isFalse();
        assertThat(product.stateReason).isEqualTo("order failed");
    }

    @Test
    void modificationMergesNewValuesOverTheOldAndANullRemovesOne() {
        ProductInstance product = in(ProductState.ACTIVE);
        Map<String, String> changes = new HashMap<>();
        changes.put("dataVolumeGb", "50");
        changes.put("network", null);
        changes.put("roaming", "EU");

        assertThat(product.modify(changes, LATER)).isTrue();

        assertThat(product.characteristics).containsExactly(Map.entry("dataVolumeGb", "50"),
                Map.entry("roaming", "EU"), Map.entry("simType", "SIM"));
        assertThat(product.modify(Map.of("roaming", "EU"), LATER.plusSeconds(1))).as("values it has").isFalse();
        assertThat(product.updatedAt).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(ProductState.class)
    void everyTransitionTheStateDoesNotAllowIsRefusedNamingTheState(ProductState state) {
        for (Transition transition : Transition.values()) {
            if (ALLOWED.get(state).contains(transition) || isRepeat(state, transition)) {
                continue;
            }
            ProductInstance product = in(state);
            assertThatThrownBy(() -> transition.action.accept(product)).as(state + " " + transition)
                    .isInstanceOf(ConflictException.class).hasMessageContaining("is " + state.tmf());
            assertThat(product.state).as("unchanged after a refused " + transition).isEqualTo(state);
        }
    }

    @ParameterizedTest
    @EnumSource(ProductState.class)
    void everyTransitionTheStateAllowsSucceeds(ProductState state) {
        for (Transition transition : ALLOWED.get(state)) {
            ProductInstance product = in(state);
            transition.action.accept(product);
            assertThat(product.updatedAt).as(state + " " + transition).isEqualTo(LATER);
        }
        assertThat(Arrays.stream(Transition.values()).filter(t -> ALLOWED.get(state).contains(t)).count())
                .isEqualTo(ALLOWED.get(state).size());
    }

    private static boolean isRepeat(ProductState state, Transition transition) {
        return state == ProductState.ACTIVE && transition == Transition.ACTIVATE
                || state == ProductState.TERMINATED && transition == Transition.TERMINATE
                || state == ProductState.CANCELLED && transition == Transition.CANCEL;
    }

    private static ProductInstance in(ProductState state) {
        ProductInstance product = created();
        switch (state) {
            case CREATED -> { }
            case ACTIVE -> product.activate(IDS, RESOURCES, LATER);
            case SUSPENDED -> {
                product.activate(IDS, RESOURCES, LATER);
                product.suspend("unpaid", Suspension.byStaff("ops", LATER));
            }
            case TERMINATED -> {
                product.activate(IDS, RESOURCES, LATER);
                product.terminate("moved", LATER);
            }
            case CANCELLED -> product.cancel("failed", LATER);
        }
        product.updatedAt = ORDERED;
        return product;
    }

    private static ProductInstance created() {
        return new ProductInstance(UUID.randomUUID(),
                new ProductInstance.Origin("order-1", "1", null, UUID.randomUUID(), null, "customer-1"),
                new ProductInstance.OfferingCopy("offering-1", 2, "SIM only", UUID.randomUUID(), "CONNECTIVITY",
                        List.of(new OfferingLaunched.Participant(UUID.randomUUID().toString(), "30")),
                        List.of("data")),
                Map.of("dataVolumeGb", "20", "simType", "SIM", "network", "5G"),
                List.of(new ProductDetails.LockedCharge("offering-1", "monthly", "v1", "RECURRING", "MONTH", "DAILY",
                        "19.990000", "EUR")), ORDERED);
    }
}

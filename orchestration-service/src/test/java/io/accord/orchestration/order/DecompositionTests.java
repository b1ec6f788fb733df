package io.accord.orchestration.order;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.orchestration.offering.SellableOfferings.Offering;
import io.accord.orchestration.saga.StepDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog drives an item's saga: resources, partner activation, bundles, co-creation, modify and delete. */
class DecompositionTests {

    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID PARTICIPANT = UUID.randomUUID();

    @Test
    void aSingleOfferingReservesEachResourceTypeActivatesAtOwnerAndParticipantsThenAllocatesAndCompletes() {
        Offering sim = single("sim", OWNER, List.of("ICCID", "MSISDN"), true,
                List.of(new OfferingLaunched.Participant(PARTICIPANT.toString(), "20")));
        List<Decomposition.Target> products = Decomposition.products(sim, id -> null, (offering, bundle) ->
                UUID.randomUUID());

        List<StepDefinition> steps = Decomposition.add("order-1", "1", 2, "customer-1", Map.of("dataVolumeGb", "5"),
                products, Duration.ofMinutes(5));

        assertThat(types(steps)).containsExactly("START_FULFILMENT", "RESERVE_RESOURCE", "RESERVE_RESOURCE",
                "ACTIVATE_AT_PARTNER", "ACTIVATE_AT_PARTNER", "ALLOCATE", "COMPLETE");
        UUID product = products.getFirst().productId();
        assertThat(steps.get(1).payload().get("resourceType").asString()).isEqualTo("ICCID");
        assertThat(steps.get(1).payload().get("ownerPartnerId").asString()).isEqualTo(OWNER.toString());
        assertThat(steps.get(1).payload().get("references").valueStream().map(r -> r.asString()))
                .containsExactly(product + ":ICCID:1", product + ":ICCID:2");
        assertThat(steps.get(3).payload().get("partnerId").asString()).isEqualTo(OWNER.toString());
        assertThat(steps.get(4).payload().get("partnerId").asString()).isEqualTo(PARTICIPANT.toString());
        assertThat(steps.get(3).payload().get("ackTimeout").asString()).isEqualTo("PT5M");
        var activation = steps.get(3).payload().get("activation");
        assertThat(activation.get("operation").asString()).isEqualTo("add");
        assertThat(activation.get("productId").asString()).isEqualTo(product.toString());
        assertThat(activation.get("offeringId").asString()).isEqualTo("sim");
        assertThat(activation.at("/characteristics/dataVolumeGb").asString()).isEqualTo("5");
        assertThat(activation.get("resources").size()).isEqualTo(4);
        assertThat(steps.get(5).payload().get("references").size()).isEqualTo(4);
        assertThat(steps.get(6).payload().get("productId").asString()).isEqualTo(product.toString());
        assertThat(steps.get(6).payload().get("customerId").asString()).isEqualTo("customer-1");
    }

    @Test
    void anOfferingWithoutResourcesOrActivationOnlyCompletes() {
        Offering plain = single("plain", null, List.of(), true, List.of());

        List<StepDefinition> steps = Decomposition.add("order-1", "1", 1, "c", Map.of(),
                Decomposition.products(plain, id -> null, (offering, bundle) -> UUID.randomUUID()), null);

        assertThat(types(steps)).as("CSP-owned, no participant: no partner to activate at")
                .containsExactly("START_FULFILMENT", "COMPLETE");
        assertThat(Decomposition.activationPartners(single("x", OWNER, List.of(), false, List.of()))).isEmpty();
    }

    @Test
    void aBundleGetsAnInstancePerComponentPreparedFirstAndCompletedBeforeTheBundle() {
        Offering sim = single("sim", OWNER, List.of("MSISDN"), true, List.of());
        Offering tv = single("tv", null, List.of("LICENCE_KEY"), false, List.of());
        Offering duo = bundle("duo", List.of("sim", "tv"));
        Map<String, Offering> catalog = Map.of("sim", sim, "tv", tv);
        List<String> created = new ArrayList<>();

        List<Decomposition.Target> products = Decomposition.products(duo, catalog::get, (offering, bundle) -> {
            created.add(offering.id() + (bundle == null ? "" : " in bundle"));
            return UUID.randomUUID();
        });
        List<StepDefinition> steps = Decomposition.add("o", "1", 1, "c", Map.of(), products, null);

        assertThat(created).containsExactly("duo", "sim in bundle", "tv in bundle");
        UUID bundle = products.getFirst().productId();
        assertThat(products.subList(1, 3)).allMatch(component -> bundle.equals(component.bundleProductId()));
        assertThat(types(steps)).containsExactly("START_FULFILMENT", "RESERVE_RESOURCE", "ACTIVATE_AT_PARTNER",
                "ALLOCATE", "RESERVE_RESOURCE", "ALLOCATE", "COMPLETE", "COMPLETE", "COMPLETE");
        assertThat(steps.getLast().payload().get("productId").asString()).isEqualTo(bundle.toString());
        assertThat(steps.getLast().payload().get("references").size()).isZero();
        assertThat(steps.get(4).payload().get("ownerPartnerId").isNull()).as("a CSP offering: CSP pools").isTrue();
    }

    @Test
    void bundlesNestingTooDeepAreRefused() {
        Map<String, Offering> catalog = new java.util.HashMap<>();
        for (int i = 0; i < 8; i++) {
            catalog.put("b" + i, bundle("b" + i, List.of("b" + (i + 1))));
        }
        assertThatThrownBy(() -> Decomposition.products(catalog.get("b0"), catalog::get,
                (offering, bundle) -> UUID.randomUUID())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void modifyAsksThePartnerWhenTheSpecificationNeedsItThenChangesTheProduct() {
        UUID product = UUID.randomUUID();

        List<StepDefinition> partnerManaged = Decomposition.modify("o", "2", product,
                single("sim", OWNER, List.of("MSISDN"), true, List.of()), Map.of("dataVolumeGb", "50"), null);
        List<StepDefinition> local = Decomposition.modify("o", "2", product,
                single("sim", OWNER, List.of("MSISDN"), false, List.of()), Map.of("dataVolumeGb", "50"), null);

        assertThat(types(partnerManaged)).containsExactly("START_FULFILMENT", "ACTIVATE_AT_PARTNER",
                "MODIFY_PRODUCT");
        assertThat(partnerManaged.get(1).payload().at("/activation/operation").asString()).isEqualTo("modify");
        assertThat(partnerManaged.get(2).payload().at("/characteristics/dataVolumeGb").asString()).isEqualTo("50");
        assertThat(types(local)).containsExactly("START_FULFILMENT", "MODIFY_PRODUCT");
    }

    @Test
    void deleteDeactivatesAtThePartnerReleasesResourcesAndTerminates() {
        UUID product = UUID.randomUUID();

        List<StepDefinition> steps = Decomposition.delete("o", "3", product,
                single("sim", OWNER, List.of("MSISDN"), true, List.of()), null);
        List<StepDefinition> unknownOffering = Decomposition.delete("o", "3", product, null, null);

        assertThat(types(steps)).containsExactly("START_FULFILMENT", "ACTIVATE_AT_PARTNER", "RELEASE_RESOURCES",
                "TERMINATE_PRODUCT");
        assertThat(steps.get(1).payload().at("/activation/operation").asString()).isEqualTo("delete");
        assertThat(types(unknownOffering)).containsExactly("START_FULFILMENT", "RELEASE_RESOURCES",
                "TERMINATE_PRODUCT");
        assertThat(Decomposition.NO_RETURN).contains("COMPLETE", "MODIFY_PRODUCT", "RELEASE_RESOURCES",
                "TERMINATE_PRODUCT").doesNotContain("RESERVE_RESOURCE", "ACTIVATE_AT_PARTNER", "ALLOCATE");
    }

    private static List<String> types(List<StepDefinition> steps) {
        return steps.stream().map(StepDefinition::type).toList();
    }

    static Offering single(String id, UUID owner, List<String> resourceTypes, boolean activation,
                           List<OfferingLaunched.Participant> participants) {
        return new Offering(id, owner, 1, id, "CONNECTIVITY", List.of(), null, null, false, null, List.of(),
                new OfferingLaunched.Specification("spec-" + id, id, List.of(), resourceTypes, activation),
                participants, null, null);
    }

    static Offering bundle(String id, List<String> components) {
        return new Offering(id, null, 1, id, "BUNDLES", List.of(), null, null, true, "SUM_OF_COMPONENTS",
                components, null, List.of(), null, null);
    }
}

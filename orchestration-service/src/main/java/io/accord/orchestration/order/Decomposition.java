package io.accord.orchestration.order;

import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.activation.PartnerActivation;
import io.accord.orchestration.offering.SellableOfferings.Offering;
import io.accord.orchestration.saga.StepDefinition;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns an order item into the steps of its saga, driven by the catalog read model. Plain Java, no Spring.
 * <ul>
 *   <li>{@code add}: one product instance per offering; a bundle gets its own instance and one per component
 *       (bundleProductId = the bundle's). Per component (or the single offering), what its specification needs:
 *       {@code RESERVE_RESOURCE} per resource type (quantity items each), {@code ACTIVATE_AT_PARTNER} at the owner
 *       and at each co-creating participant when the specification needs partner activation, {@code ALLOCATE}
 *       (when it reserved anything) and {@code COMPLETE}; then {@code COMPLETE} of the bundle's instance.</li>
 *   <li>{@code modify}: {@code ACTIVATE_AT_PARTNER} (operation modify) when needed, then {@code MODIFY_PRODUCT}.</li>
 *   <li>{@code delete}: {@code ACTIVATE_AT_PARTNER} (operation delete) when needed, {@code RELEASE_RESOURCES},
 *       {@code TERMINATE_PRODUCT}; for a bundle's instance the deactivations and releases of its components too
 *       (the termination ends them with the bundle).</li>
 * </ul>
 * Every saga starts with {@code START_FULFILMENT} (the item and order become inProgress). Compensation runs in
 * reverse: reservations are released, activations deactivated at the partner.
 */
final class Decomposition {

    static final String START = "START_FULFILMENT";
    static final String RESERVE = "RESERVE_RESOURCE";
    static final String ALLOCATE = "ALLOCATE";
    static final String COMPLETE = "COMPLETE";
    static final String MODIFY = "MODIFY_PRODUCT";
    static final String RELEASE = "RELEASE_RESOURCES";
    static final String TERMINATE = "TERMINATE_PRODUCT";
    /** Once a step of these types has started, the item (and so its order) can no longer be cancelled. */
    static final Set<String> NO_RETURN = Set.of(COMPLETE, MODIFY, RELEASE, TERMINATE);
    static final int MAX_BUNDLE_DEPTH = 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An existing instance a {@code delete} ends, with its offering ({@code null}: no longer known). */
    record Part(UUID productId, Offering offering) {
    }

    /** A product instance an {@code add} creates. */
    record Target(UUID productId, Offering offering, UUID bundleProductId) {
    }

    private Decomposition() {
    }

    /**
     * The instances an {@code add} of {@code offering} creates, the bundle's first, then its components'.
     *
     * @param create creates the instance of an offering (in a bundle: with the bundle instance's id) and answers
     *               its id
     */
    static List<Target> products(Offering offering, Function<String, Offering> catalog,
                                 BiFunction<Offering, UUID, UUID> create) {
        List<Target> targets = new ArrayList<>();
        collect(offering, null, catalog, create, targets, 0);
        return List.copyOf(targets);
    }

    private static void collect(Offering offering, UUID bundle, Function<String, Offering> catalog,
                                BiFunction<Offering, UUID, UUID> create, List<Target> into, int depth) {
        if (depth > MAX_BUNDLE_DEPTH) {
            throw new IllegalStateException("bundle nests deeper than " + MAX_BUNDLE_DEPTH);
        }
        Target target = new Target(create.apply(offering, bundle), offering, bundle);
        into.add(target);
        if (offering.bundle()) {
            for (String component : offering.bundledOfferingIds()) {
                collect(catalog.apply(component), target.productId(), catalog, create, into, depth + 1);
            }
        }
    }

    /**
     * The steps of an {@code add} item creating {@code products} (as {@link #products} answered them): first every
     * component's preparation (reserve, activate, allocate), then every instance's {@code COMPLETE} (components
     * before their bundle), so nothing is active before every partner has activated.
     */
    static List<StepDefinition> add(String orderId, String itemId, int quantity, String customerId,
                                    Map<String, String> characteristics, List<Target> products, Duration ackTimeout) {
        List<StepDefinition> steps = new ArrayList<>();
        steps.add(start(orderId, itemId));
        Map<UUID, ArrayNode> references = new java.util.HashMap<>();
        for (Target target : products) {
            references.put(target.productId(), JSON.createArrayNode());
            if (!target.offering().bundle()) {
                prepare(target, orderId, itemId, quantity, characteristics, ackTimeout,
                        references.get(target.productId()), steps);
            }
        }
        for (Target target : products.reversed()) {
            ObjectNode complete = product(target.productId()).put("customerId", customerId);
            complete.set("references", references.get(target.productId()));
            steps.add(StepDefinition.of(COMPLETE, complete));
        }
        return List.copyOf(steps);
    }

    private static void prepare(Target target, String orderId, String itemId, int quantity,
                                Map<String, String> characteristics, Duration ackTimeout, ArrayNode references,
                                List<StepDefinition> steps) {
        Offering offering = target.offering();
        ArrayNode resources = JSON.createArrayNode();
        for (String type : resourceTypes(offering)) {
            ArrayNode ofType = JSON.createArrayNode();
            for (int unit = 1; unit <= quantity; unit++) {
                String reference = target.productId() + ":" + type + ":" + unit;
                ofType.add(reference);
                references.add(reference);
                resources.add(JSON.createObjectNode().put("resourceType", type).put("reference", reference));
            }
            ObjectNode reserve = product(target.productId()).put("orderId", orderId).put("resourceType", type)
                    .put("ownerPartnerId", offering.partnerId() == null ? null : offering.partnerId().toString());
            reserve.set("references", ofType);
            steps.add(StepDefinition.of(RESERVE, reserve));
        }
        for (UUID partner : activationPartners(offering)) {
            ObjectNode activation = activation("add", orderId, itemId, target.productId(), offering.id())
                    .put("quantity", quantity);
            activation.set("characteristics", JSON.valueToTree(characteristics));
            activation.set("resources", resources.deepCopy());
            steps.add(activate(partner, activation, ackTimeout));
        }
        if (!references.isEmpty()) {
            ObjectNode allocate = product(target.productId());
            allocate.set("references", references.deepCopy());
            steps.add(StepDefinition.of(ALLOCATE, allocate));
        }
    }

    /** The steps of a {@code modify} item changing the characteristics of an existing instance. */
    static List<StepDefinition> modify(String orderId, String itemId, UUID productId, Offering offering,
                                       Map<String, String> characteristics, Duration ackTimeout) {
        List<StepDefinition> steps = new ArrayList<>();
        steps.add(start(orderId, itemId));
        for (UUID partner : activationPartners(offering)) {
            ObjectNode activation = activation("modify", orderId, itemId, productId, offering.id());
            activation.set("characteristics", JSON.valueToTree(characteristics));
            steps.add(activate(partner, activation, ackTimeout));
        }
        ObjectNode modify = product(productId);
        modify.set("characteristics", JSON.valueToTree(characteristics));
        steps.add(StepDefinition.of(MODIFY, modify));
        return List.copyOf(steps);
    }

    /** The steps of a {@code delete} item ending an existing instance ({@code offering} null: no longer known). */
    static List<StepDefinition> delete(String orderId, String itemId, UUID productId, Offering offering,
                                       Duration ackTimeout) {
        return delete(orderId, itemId, new Part(productId, offering), List.of(), ackTimeout);
    }

    /**
     * The steps of a {@code delete} item ending an existing instance and, for a bundle's, its {@code components}
     * that have not ended (nested ones too): each one's partner deactivation where its specification needs it, each
     * one's resources released, then the bundle's {@code TERMINATE_PRODUCT}, which terminates the components with it
     * ({@code Products.terminate}).
     */
    static List<StepDefinition> delete(String orderId, String itemId, Part product, List<Part> components,
                                       Duration ackTimeout) {
        List<StepDefinition> steps = new ArrayList<>();
        steps.add(start(orderId, itemId));
        List<Part> parts = new ArrayList<>();
        parts.add(product);
        parts.addAll(components);
        for (Part part : parts) {
            for (UUID partner : activationPartners(part.offering())) {
                steps.add(activate(partner, activation("delete", orderId, itemId, part.productId(),
                        part.offering().id()), ackTimeout));
            }
        }
        for (Part part : parts) {
            steps.add(StepDefinition.of(RELEASE, product(part.productId()).put("reason", "product order " + orderId
                    + " deletes product " + product.productId())));
        }
        steps.add(StepDefinition.of(TERMINATE, product(product.productId()).put("reason", "deleted by product order "
                + orderId)));
        return List.copyOf(steps);
    }

    /**
     * Where the offering must be activated: nowhere unless its specification asks for partner activation; then at
     * its owner (a partner) and at each co-creating participant.
     */
    static Set<UUID> activationPartners(Offering offering) {
        Set<UUID> partners = new LinkedHashSet<>();
        if (offering == null || offering.specification() == null || !offering.specification().partnerActivation()) {
            return partners;
        }
        if (offering.partnerId() != null) {
            partners.add(offering.partnerId());
        }
        if (offering.participants() != null) {
            offering.participants().forEach(participant -> partners.add(UUID.fromString(participant.partnerId())));
        }
        return partners;
    }

    private static List<String> resourceTypes(Offering offering) {
        return offering.specification() == null || offering.specification().resourceTypes() == null ? List.of()
                : offering.specification().resourceTypes().stream().distinct().toList();
    }

    private static StepDefinition start(String orderId, String itemId) {
        return StepDefinition.of(START, JSON.createObjectNode().put("orderId", orderId).put("itemId", itemId));
    }

    private static StepDefinition activate(UUID partner, ObjectNode activation, Duration ackTimeout) {
        return ackTimeout == null ? PartnerActivation.step(new PartnerId(partner), activation)
                : PartnerActivation.step(new PartnerId(partner), activation, ackTimeout);
    }

    private static ObjectNode activation(String operation, String orderId, String itemId, UUID productId,
                                         String offeringId) {
        return JSON.createObjectNode().put("operation", operation).put("orderId", orderId)
                .put("orderItemId", itemId).put("productId", productId.toString()).put("offeringId", offeringId);
    }

    private static ObjectNode product(UUID productId) {
        return JSON.createObjectNode().put("productId", productId.toString());
    }
}

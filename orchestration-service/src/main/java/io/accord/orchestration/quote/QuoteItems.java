package io.accord.orchestration.quote;

import io.accord.contracts.events.OfferingLaunched.Characteristic;
import io.accord.contracts.events.OfferingPrice;
import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.orchestration.quote.ItemLabel.ItemPath;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the client's quote items into priced choices against the read model at one instant: each offering must be
 * one the caller may see (else 400, as an unknown one), it and each bundle component sellable then (else 409 naming
 * why), each characteristic value valid (else 400 naming the item and characteristic).
 */
@Component
class QuoteItems {

    /** A caller with neither a staff role nor a partner: sees only CSP-owned offerings. */
    private static final UUID NO_PARTNER = new UUID(0, 0);

    private final SellableOfferings offerings;
    private final Tenancy tenancy;

    QuoteItems(SellableOfferings offerings, Tenancy tenancy) {
        this.offerings = offerings;
        this.tenancy = tenancy;
    }

    /**
     * @param buyer the buying partner (a partner token's own, or the {@code Buyer} staff name); {@code null}: a CSP
     *              sales channel
     */
    QuotePricing.Priced price(List<QuoteResources.Item> items, java.math.BigDecimal discount, Instant at,
                              UUID buyer) {
        Set<String> ids = new HashSet<>();
        List<Requested> requested = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            QuoteResources.Item item = items.get(i);
            ItemPath path = ItemLabel.QUOTE.at(i, item.id(), names(item));
            if (!ids.add(item.id())) {
                throw new InvalidInputException(path.field() + ".id", "Quote item id '" + item.id()
                        + "' is used twice");
            }
            if (item.action() != null && !"add".equals(item.action())) {
                throw new InvalidInputException(path.field() + ".action",
                        "Quote item '" + item.id() + "': only action 'add' is quoted");
            }
            requested.add(new Requested(path, item.productOffering().id(),
                    item.quantity() == null ? 1 : item.quantity(), given(path, item)));
        }
        return price(requested, discount, at, caller(), buyer);
    }

    /** One item to price: where the client sent it, its offering, quantity and characteristic values. */
    record Requested(ItemPath item, String offeringId, int quantity, Map<String, String> given) {
    }

    /**
     * Prices items at {@code at}: each offering must be launched and visible to {@code partner} (else 400 naming the
     * item's offering id, the same for both so another partner's offering is not revealed) and sellable with its
     * components (else 409 naming why), each characteristic value valid (else 400).
     *
     * @param partner whose offerings the items may name ({@link #caller()}); {@code null}: any
     * @param buyer   the buying partner, whose business model decides whether it may buy a CSP offering
     *                ({@link SellableOfferings#sellabilityTo}); {@code null}: a CSP sales channel
     */
    QuotePricing.Priced price(List<Requested> items, java.math.BigDecimal discount, Instant at, UUID partner,
                              UUID buyer) {
        List<QuotePricing.Choice> choices = new ArrayList<>();
        for (Requested requested : items) {
            ItemPath item = requested.item();
            String offeringId = requested.offeringId();
            SellableOfferings.Offering offering = offerings.findFor(partner, offeringId).orElseThrow(() ->
                    new InvalidInputException(item.field() + ".productOffering.id", item.noun()
                            + ": offering '" + offeringId + "' is not launched or not offered to this buyer"));
            SellableOfferings.Sellability toBuyer = offerings.sellabilityTo(buyer, offering);
            if (!toBuyer.sellable()) {
                throw new ConflictException(item.noun() + " cannot be sold: " + toBuyer.reason());
            }
            List<Characteristic> specs = new ArrayList<>();
            requireSellable(item.noun(), offering, at, specs, 0);
            Map<String, String> values = CharacteristicRules.resolve(item, specs, requested.given());
            choices.add(new QuotePricing.Choice(item.id(), offeringId, requested.quantity(), values));
        }
        return QuotePricing.price(choices, catalogAt(at), discount);
    }

    /**
     * The partner whose offerings the caller may quote and order (its own, co-created and CSP-owned ones), or
     * {@code null} for staff, who may use any.
     */
    UUID caller() {
        return tenancy.isStaff() ? null : tenancy.partnerId().map(PartnerId::value).orElse(NO_PARTNER);
    }

    /**
     * At acceptance (which creates the order): every quoted offering must still be sellable, so a partner suspended
     * or terminated since the quote gets no new order (409 naming why).
     */
    void requireStillSellable(List<QuotePricing.Line> lines, Instant at) {
        for (QuotePricing.Line line : lines) {
            SellableOfferings.Offering offering = offerings.find(line.offeringId()).orElseThrow(() ->
                    new ConflictException("Quote item '" + line.itemId() + "' cannot be sold: offering "
                            + line.offeringId() + " is not launched"));
            requireSellable(ItemLabel.QUOTE.name() + " '" + line.itemId() + "'", offering, at, new ArrayList<>(),
                    0);
        }
    }

    /** The offering and its components are sellable; collects the characteristics of their specifications. */
    /** @param item the item as messages name it ("Quote item '1'") */
    private void requireSellable(String item, SellableOfferings.Offering offering, Instant at,
                                 List<Characteristic> specs, int depth) {
        SellableOfferings.Sellability sellability = offerings.sellability(offering.id(), at);
        if (!sellability.sellable()) {
            throw new ConflictException(item + " cannot be sold: " + sellability.reason());
        }
        if (offering.specification() != null && offering.specification().characteristics() != null) {
            for (Characteristic characteristic : offering.specification().characteristics()) {
                if (specs.stream().noneMatch(held -> held.name().equals(characteristic.name()))) {
                    specs.add(characteristic);
                }
            }
        }
        if (offering.bundle() && depth < 5) {
            for (String component : offering.bundledOfferingIds()) {
                SellableOfferings.Offering part = offerings.find(component).orElseThrow(() -> new ConflictException(
                        item + " cannot be sold: its component " + component + " is not launched"));
                requireSellable(item, part, at, specs, depth + 1);
            }
        }
    }

    private static Map<String, String> given(ItemPath path, QuoteResources.Item item) {
        Map<String, String> values = new LinkedHashMap<>();
        if (item.product() == null || item.product().productCharacteristic() == null) {
            return values;
        }
        List<QuoteResources.CharacteristicValue> sent = item.product().productCharacteristic();
        for (int position = 0; position < sent.size(); position++) {
            QuoteResources.CharacteristicValue value = sent.get(position);
            JsonNode node = value.value();
            if (!node.isValueNode() || node.isNull()) {
                throw CharacteristicRules.invalid(path, position, value.name(), "has a value that is not a string, "
                        + "number or boolean");
            }
            if (values.put(value.name(), node.asString()) != null) {
                throw CharacteristicRules.invalid(path, position, value.name(), "is given twice");
            }
        }
        return values;
    }

    /** The names of the characteristics the client sent, in its order. */
    private static List<String> names(QuoteResources.Item item) {
        return item.product() == null || item.product().productCharacteristic() == null ? List.of()
                : item.product().productCharacteristic().stream().map(QuoteResources.CharacteristicValue::name)
                .toList();
    }

    private QuotePricing.Catalog catalogAt(Instant at) {
        return new QuotePricing.Catalog() {
            @Override
            public SellableOfferings.Offering offering(String offeringId) {
                return offerings.find(offeringId).orElseThrow();
            }

            @Override
            public List<OfferingPrice> pricesInForce(String offeringId) {
                return offerings.pricesInForce(offeringId, at);
            }
        };
    }
}

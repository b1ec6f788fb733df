package io.accord.portal.order;

import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Ids;
import tools.jackson.databind.JsonNode;

/**
 * Which offerings a partner may quote, as orchestration decides it ({@code SellableOfferings.sellabilityTo},
 * docs/orchestration-quotes.md, "A partner buys the CSP's own offerings only as a reseller"): a partner's own
 * offerings, one it co-creates and any offering of another partner, yes; one of the CSP's own (no {@code Owner} in its
 * {@code relatedParty}) only when the partner goes to market with us as {@code RESELL}, or when its business model is
 * not known (orchestration does not refuse then either). The model is the partner's TMF632 organization's
 * {@code businessModel} characteristic, read once per page and only when the page shows a CSP offering.
 */
@Component
class QuotableOfferings {

    private static final String ORGANIZATION = "/tmf-api/party/v4/organization/{id}";

    private final Gateway gateway;

    QuotableOfferings(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The rule for this partner ({@code null}: staff, who quote for a sales channel, may quote any offering). */
    Predicate<JsonNode> forPartner(String partnerId) {
        if (!Ids.isUuid(partnerId)) {
            return offering -> true;
        }
        return new Predicate<>() {
            private Optional<String> model;

            @Override
            public boolean test(JsonNode offering) {
                if (!isTheCsps(offering) || participates(offering, partnerId)) {
                    return true;
                }
                if (model == null) {
                    model = businessModel(partnerId);
                }
                return model.map("RESELL"::equals).orElse(true);
            }
        };
    }

    /** The CSP's own offering: no partner owns it. */
    static boolean isTheCsps(JsonNode offering) {
        for (JsonNode party : offering.path("relatedParty")) {
            if ("Owner".equalsIgnoreCase(party.path("role").asString("")) && !party.path("id").asString("").isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean participates(JsonNode offering, String partnerId) {
        for (JsonNode participant : offering.path("participants")) {
            if (partnerId.equalsIgnoreCase(participant.path("partnerId").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> businessModel(String partnerId) {
        try {
            for (JsonNode characteristic : gateway.get(ORGANIZATION + "?fields=partyCharacteristic", partnerId)
                    .path("partyCharacteristic")) {
                if ("businessModel".equals(characteristic.path("name").asString(""))) {
                    return Optional.of(characteristic.path("value").asString("")).filter(model -> !model.isBlank());
                }
            }
        } catch (GatewayException e) {
            // not known: orchestration decides when the quote is sent (its 409 is shown in plain words)
        }
        return Optional.empty();
    }
}

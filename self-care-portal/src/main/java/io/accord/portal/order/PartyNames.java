package io.accord.portal.order;

import java.util.ArrayList;
import java.util.List;

import io.accord.portal.partnername.PartnerNames;
import tools.jackson.databind.JsonNode;

/**
 * The names of the partners among a quote's or product's related parties (buyer, owner, sales channel...), so that
 * its page names them rather than showing their ids; the customer is the partner's own customer, named by the
 * party itself.
 */
final class PartyNames {

    private PartyNames() {
    }

    static PartnerNames.Names of(PartnerNames partnerNames, JsonNode tmfEntity) {
        List<String> ids = new ArrayList<>();
        for (JsonNode party : tmfEntity.path("relatedParty")) {
            if (!"Customer".equals(party.path("role").asString("")) && !party.has("name")) {
                ids.add(party.path("id").asString(""));
            }
        }
        return partnerNames.of(ids);
    }
}

package io.accord.portal.offeringname;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.Ids;

/**
 * Offering names for pages that list offering ids (an invoice's reconciliation lines): the catalog's TMF620
 * {@code GET productOffering/{id}} for each distinct id the page shows (up to {@link #MAX_LOOKUPS}; the list has no
 * filter by id), with the user's token as every call. An offering the user may not read, an unknown or malformed
 * id, or a call that fails shows as its shortened id, so a page never fails for want of a name.
 */
@Component
public class OfferingNames {

    static final String OFFERING = "/tmf-api/productCatalogManagement/v4/productOffering/{id}";
    /** Lookups per page: a reconciliation compares a few offerings; more than this show by id. */
    static final int MAX_LOOKUPS = 25;
    private static final Logger log = LoggerFactory.getLogger(OfferingNames.class);

    private final Gateway gateway;

    OfferingNames(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The names of these offerings (blank, repeated and malformed ids are left out; none at all: no call). */
    public Names of(Collection<String> offeringIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : offeringIds) {
            if (Ids.isUuid(id) && ids.size() < MAX_LOOKUPS) {
                ids.add(id.strip().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                String name = gateway.get(OFFERING, id).path("name").asString("").strip();
                if (!name.isEmpty()) {
                    names.put(id, name);
                }
            } catch (GatewayException e) {
                // the id still shows
                log.warn("offering name not available ({}): {}", id, e.getMessage());
            }
        }
        return new Names(names);
    }

    /** Offering names by id, as one page resolved them. */
    public record Names(Map<String, String> byId) {

        public static final Names NONE = new Names(Map.of());

        public Names {
            byId = Map.copyOf(byId);
        }

        /** The offering's name, or its id shortened when the name is not known; blank is empty. */
        public String name(String offeringId) {
            if (offeringId == null || offeringId.isBlank()) {
                return "";
            }
            String name = byId.get(offeringId.strip().toLowerCase(Locale.ROOT));
            return name != null ? name : Display.shortId(offeringId.strip());
        }
    }
}

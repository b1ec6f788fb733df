package io.accord.portal.partnername;

import io.accord.portal.layout.Ids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Display;
import tools.jackson.databind.JsonNode;

/**
 * Partner names for staff pages that list partner ids (settlement runs, reconciliation, statements, KPIs, offering
 * review...): one call to onboarding's TMF632 organization list per page, for the ids that page shows
 * ({@code GET /tmf-api/party/v4/organization?id=..&id=..&fields=id,name,tradingName}), with the user's token as every
 * call. A page puts the {@link Names} in its model and shows {@code partnername :: name(names, id)}: the name with
 * the id in its title and, shortened, beside it; an id onboarding does not know (or a call that fails) shows as the
 * id, so a page never fails for want of a name.
 */
@Component
public class PartnerNames {

    static final String ORGANIZATIONS = "/tmf-api/party/v4/organization";
    /** Ids per call: keeps the URI short; a page needs more only for a run of hundreds of partners. */
    static final int PER_CALL = 100;
    /** Organizations per call of {@link #choices()}: onboarding's largest page. */
    static final int CHOICES_PER_CALL = 500;
    /** The most partners a filter offers. */
    static final int CHOICES_MAX = 2000;
    private static final Logger log = LoggerFactory.getLogger(PartnerNames.class);

    private final Gateway gateway;

    PartnerNames(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The names of these partners (blank, repeated and malformed ids are left out; none at all: no call). */
    public Names of(Collection<String> partnerIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : partnerIds) {
            if (Ids.isUuid(id)) {
                ids.add(id.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += PER_CALL) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + PER_CALL));
            try {
                names.putAll(lookUp(chunk));
            } catch (GatewayException e) {
                // the ids still show; the page says nothing worse than without names
                log.warn("partner names not available ({} ids): {}", chunk.size(), e.getMessage());
            }
        }
        return new Names(names);
    }

    private Map<String, String> lookUp(List<String> ids) {
        StringBuilder uri = new StringBuilder(ORGANIZATIONS).append("?fields=id,name,tradingName&limit={limit}");
        List<Object> variables = new ArrayList<>();
        variables.add(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            uri.append("&id={id").append(i).append('}');
            variables.add(ids.get(i));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode organization : gateway.list(uri.toString(), variables.toArray()).items()) {
            String id = organization.path("id").asString("").toLowerCase(java.util.Locale.ROOT);
            String name = organization.path("name").asString("").strip();
            if (name.isEmpty()) {
                name = organization.path("tradingName").asString("").strip();
            }
            if (!id.isEmpty() && !name.isEmpty()) {
                names.put(id, name);
            }
        }
        return names;
    }

    /**
     * Every partner to choose from by name, for a list's partner filter (statements, the dispute work queue): onboarding's
     * organizations a page of {@value #CHOICES_PER_CALL} at a time ({@code ?fields=id,name,tradingName&offset=&limit=}),
     * at most {@value #CHOICES_MAX}, ordered by name. Empty when the list cannot be read (logged): the filter then offers
     * only "all partners" and the partner already chosen. The chosen partner ({@code chosen}, blank for none) is
     * always offered, by its short id when onboarding does not list it.
     */
    public List<Choice> choices(String chosen) {
        List<Choice> choices = new ArrayList<>();
        try {
            for (int offset = 0; offset < CHOICES_MAX; offset += CHOICES_PER_CALL) {
                Gateway.Listing page = gateway.list(ORGANIZATIONS + "?fields=id,name,tradingName&offset={offset}"
                        + "&limit={limit}", offset, CHOICES_PER_CALL);
                for (JsonNode organization : page.items()) {
                    String id = organization.path("id").asString("").toLowerCase(java.util.Locale.ROOT);
                    String name = organization.path("name").asString("").strip();
                    if (name.isEmpty()) {
                        name = organization.path("tradingName").asString("").strip();
                    }
                    if (Ids.isUuid(id)) {
                        choices.add(new Choice(id, name.isEmpty() ? Display.shortId(id) : name, !name.isEmpty()));
                    }
                }
                if (page.items().isEmpty() || offset + CHOICES_PER_CALL >= page.total()) {
                    break;
                }
            }
        } catch (GatewayException e) {
            log.warn("partners to choose from not available: {}", e.getMessage());
            choices.clear();
        }
        String wanted = chosen == null ? "" : chosen.strip().toLowerCase(java.util.Locale.ROOT);
        if (Ids.isUuid(wanted) && choices.stream().noneMatch(choice -> choice.id().equals(wanted))) {
            choices.add(new Choice(wanted, Display.shortId(wanted), false));
        }
        choices.sort(java.util.Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Choice::id));
        return List.copyOf(choices);
    }

    /** A partner a filter offers: its id and name ({@code named}: onboarding named it, else the short id). */
    public record Choice(String id, String name, boolean named) {
    }

    /**
     * The names the choices know, for a page that offers every partner anyway (one call less); none: the names of
     * {@code partnerIds} asked for as {@link #of} does.
     */
    public Names of(List<Choice> choices, Collection<String> partnerIds) {
        Map<String, String> names = new LinkedHashMap<>();
        choices.stream().filter(Choice::named).forEach(choice -> names.put(choice.id(), choice.name()));
        return names.isEmpty() ? of(partnerIds) : new Names(names);
    }

    /** Partner names by id, as one page resolved them. */
    public record Names(Map<String, String> byId) {

        public static final Names NONE = new Names(Map.of());

        public Names {
            byId = Map.copyOf(byId);
        }

        public boolean knows(String partnerId) {
            return partnerId != null && byId.containsKey(partnerId.strip().toLowerCase(java.util.Locale.ROOT));
        }

        /** The partner's name, or its id shortened when the name is not known. */
        public String name(String partnerId) {
            return knows(partnerId) ? byId.get(partnerId.strip().toLowerCase(java.util.Locale.ROOT))
                    : Display.shortId(partnerId);
        }
    }
}

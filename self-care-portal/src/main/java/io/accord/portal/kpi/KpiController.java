package io.accord.portal.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: the KPI dashboard, one section per service from its KPI endpoint (docs/portal.md). A section the user's
 * roles do not read is not asked for; one the gateway cannot answer says so while the others are still shown.
 */
@Controller
class KpiController {

    static final Set<Integer> WINDOWS = Set.of(7, 30, 90);
    private static final Logger log = LoggerFactory.getLogger(KpiController.class);

    private final Gateway gateway;
    private final Clock clock;
    private final PartnerNames partnerNames;
    private final DisplayHelper display;

    KpiController(Gateway gateway, Clock clock, PartnerNames partnerNames, DisplayHelper display) {
        this.gateway = gateway;
        this.clock = clock;
        this.partnerNames = partnerNames;
        this.display = display;
    }

    /** A service's KPIs: who reads them, where, and how they become a section. */
    private record Source(String id, Set<String> roles, String uri, boolean windowed,
                          Function<JsonNode, KpiSection> section) {
    }

    @GetMapping("/kpis")
    String kpis(@RequestParam(defaultValue = "30") String days, @AuthenticationPrincipal OidcUser principal,
                Locale locale, Model model, HttpServletResponse response) {
        Integer window = window(days);
        if (window == null) {
            // the page again with the windows it offers, saying so; nothing is read
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("windowRefused", days);
            model.addAttribute("days", 30);
            model.addAttribute("windows", WINDOWS.stream().sorted().toList());
            model.addAttribute("sections", List.of());
            return "kpis";
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = today.minusDays(window - 1L);
        LocalDate to = today.plusDays(1);
        PortalUser user = PortalUser.of(principal);
        KpiSections sections = new KpiSections(locale, partnerNames, display);
        List<Source> sources = List.of(
                new Source("onboarding", Set.of(Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.AUDITOR),
                        "/api/onboarding/admin/kpis", false, sections::onboarding),
                new Source("catalog", Roles.STAFF, "/api/catalog/admin/kpis", true, sections::catalog),
                new Source("orders", Roles.STAFF, "/api/orchestration/admin/kpis", true, sections::orders),
                new Source("rating", Roles.STAFF, "/api/rating/admin/kpis", true, sections::rating),
                new Source("settlement", Roles.STAFF, "/api/settlement/admin/kpis", true, sections::settlement),
                new Source("disputes", Roles.STAFF, "/api/disputes/kpis", false, sections::disputes));
        List<KpiSection> shown = new ArrayList<>();
        for (Source source : sources) {
            shown.add(section(source, user, from, to));
        }
        model.addAttribute("days", window);
        model.addAttribute("windows", WINDOWS.stream().sorted().toList());
        model.addAttribute("from", from);
        model.addAttribute("to", today);
        model.addAttribute("sections", shown);
        return "kpis";
    }

    /** The window asked for, when it is one the page offers. */
    private static Integer window(String days) {
        try {
            int window = Integer.parseInt(days.strip());
            return WINDOWS.contains(window) ? window : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private KpiSection section(Source source, PortalUser user, LocalDate from, LocalDate to) {
        if (source.roles().stream().noneMatch(user::hasRole)) {
            return KpiSection.notShown(source.id(), KpiSection.Status.NOT_FOR_ROLE);
        }
        try {
            JsonNode kpis = source.windowed()
                    ? gateway.get(source.uri() + "?from={from}&to={to}", from.toString(), to.toString())
                    : gateway.get(source.uri());
            return source.section().apply(kpis);
        } catch (GatewayException e) {
            log.warn("KPIs of {} not available: {}", source.id(), e.getMessage());
            return KpiSection.notShown(source.id(), e.status() == 401 || e.status() == 403
                    ? KpiSection.Status.NOT_FOR_ROLE : KpiSection.Status.UNAVAILABLE);
        }
    }
}

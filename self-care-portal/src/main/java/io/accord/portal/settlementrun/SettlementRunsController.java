package io.accord.portal.settlementrun;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.StaffActions;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Staff: settlement periods and runs (docs/settlement.md): the open periods, closing selected ones early, starting a
 * run for every partner or the selected ones, following a run's progress and the statements it drafted, and the FX
 * rates statements convert with. Finance starts runs and closes periods; finance and platform admins load and correct
 * FX rates, a second finance user confirms or rejects them (four-eyes: settlement refuses whoever loaded or corrected
 * a rate with 409, shown on the page; that finance user may withdraw it instead); ops and auditors read.
 */
@Controller
class SettlementRunsController {

    private static final String API = "/api/settlement";
    private static final String[] RUNNERS = {Roles.FINANCE};
    private static final String[] FX_LOADERS = {Roles.FINANCE, Roles.PLATFORM_ADMIN};
    private static final String[] FX_CONFIRMERS = {Roles.FINANCE};
    private static final int PAGE_SIZE = 25;
    private static final int REASON_MAX = 500;
    private static final int SELECTED_MAX = 200;

    private final Gateway gateway;
    private final PartnerNames partnerNames;

    SettlementRunsController(Gateway gateway, PartnerNames partnerNames) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
    }

    @GetMapping("/settlement-runs")
    String overview(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        int current = Math.max(0, page);
        Gateway.Listing runs = gateway.list(API + "/runs?limit=10");
        List<Views.Run> runRows = new ArrayList<>();
        runs.items().forEach(item -> runRows.add(Views.Run.of(item)));
        Gateway.Listing periods = gateway.list(API + "/periods?state=OPEN&offset={offset}&limit={limit}",
                current * PAGE_SIZE, PAGE_SIZE);
        List<Views.Period> periodRows = new ArrayList<>();
        periods.items().forEach(item -> periodRows.add(Views.Period.of(item)));
        Gateway.Listing rates = gateway.list(API + "/fx-rates?limit=20");
        List<Views.FxRate> rateRows = new ArrayList<>();
        rates.items().forEach(item -> rateRows.add(Views.FxRate.of(item)));
        model.addAttribute("runs", runRows);
        model.addAttribute("runsTotal", runs.total());
        model.addAttribute("periods", periodRows);
        model.addAttribute("partnerNames", partnerNames.of(periodRows.stream().map(Views.Period::partnerId).toList()));
        model.addAttribute("periodsTotal", periods.total());
        model.addAttribute("page", current);
        PageBounds.last(model, periods.total(), PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < periods.total());
        model.addAttribute("rates", rateRows);
        model.addAttribute("ratesTotal", rates.total());
        model.addAttribute("startsRuns", StaffActions.mayAct(user, RUNNERS));
        model.addAttribute("loadsRates", StaffActions.mayAct(user, FX_LOADERS));
        model.addAttribute("confirmsRates", StaffActions.mayAct(user, FX_CONFIRMERS));
        model.addAttribute("username", io.accord.portal.security.PortalUser.of(user).username());
        return "settlementruns";
    }

    @GetMapping("/settlement-runs/{id}")
    String run(@PathVariable UUID id, Model model) {
        progress(id, model);
        return "settlementrun";
    }

    /** The run's progress and statements alone: the run page polls it (htmx) while the run is RUNNING. */
    @GetMapping("/settlement-runs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        Views.Run run = Views.Run.of(gateway.get(API + "/runs/{id}", id));
        Gateway.Listing items = gateway.list(API + "/runs/{id}/items?limit=500", id);
        List<Views.Item> rows = new ArrayList<>();
        items.items().forEach(item -> rows.add(Views.Item.of(item)));
        model.addAttribute("run", run);
        model.addAttribute("items", rows);
        model.addAttribute("partnerNames", partnerNames.of(rows.stream().map(Views.Item::partnerId).toList()));
        model.addAttribute("itemsTotal", items.total());
        return "settlementrun :: progress";
    }

    /** Starts a run: {@code scope=all} for every partner, else the partners of the selected periods. */
    @PostMapping("/settlement-runs")
    String start(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "selected") String scope,
                 @RequestParam(name = "periodId", required = false) List<String> periodIds, Model model,
                 HttpServletResponse response) {
        StaffActions.require(user, RUNNERS);
        Set<String> partners = new LinkedHashSet<>();
        if (!"all".equals(scope)) {
            Set<UUID> selected = selected(periodIds);
            if (selected == null) {
                return refused(user, "settlementRuns.selectPeriods", model, response);
            }
            for (UUID period : selected) {
                partners.add(gateway.get(API + "/periods/{id}", period).path("partnerId").asString());
            }
        }
        JsonNode run = gateway.post(API + "/runs", Map.of("partnerIds", partners));
        return "redirect:/settlement-runs/" + run.path("id").asString();
    }

    /** Closes the selected periods early, each on its own: one that cannot be closed is named, the others close. */
    @PostMapping("/settlement-runs/early-close")
    String closeEarly(@AuthenticationPrincipal OidcUser user,
                      @RequestParam(name = "periodId", required = false) List<String> periodIds,
                      @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        StaffActions.require(user, RUNNERS);
        Set<UUID> selected = selected(periodIds);
        if (selected == null) {
            return refused(user, "settlementRuns.selectPeriods", model, response);
        }
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            return refused(user, why.isEmpty() ? "settlementRuns.reason.required" : "settlementRuns.reason.tooLong",
                    model, response);
        }
        int closed = 0;
        List<String> refusals = new ArrayList<>();
        for (UUID period : selected) {
            try {
                gateway.post(API + "/periods/{id}/early-close", Map.of("reason", why), period);
                closed++;
            } catch (GatewayException e) {
                if (e.status() != 400 && e.status() != 404 && e.status() != 409) {
                    throw e;
                }
                refusals.add(period.toString().substring(0, 8) + ": " + (e.detail() == null ? e.status()
                        : e.detail()));
            }
        }
        redirect.addFlashAttribute("closedEarly", closed);
        redirect.addFlashAttribute("refusals", refusals);
        return "redirect:/settlement-runs";
    }

    /** Loads an FX rate (1 base = rate quote) valid from an instant (UTC). */
    /** The most decimals settlement takes in an FX rate ({@code FxRates.MAX_SCALE}). */
    private static final int RATE_DECIMALS = 10;

    @PostMapping("/settlement-runs/fx-rates")
    String loadRate(@AuthenticationPrincipal OidcUser user, @RequestParam(defaultValue = "") String baseCurrency,
                    @RequestParam(defaultValue = "") String quoteCurrency, @RequestParam(defaultValue = "") String rate,
                    @RequestParam(defaultValue = "") String validFrom, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        StaffActions.require(user, FX_LOADERS);
        // refused, the form shows what was typed, the refused field(s) marked (used only when the page shows again)
        model.addAttribute("fxValues", Map.of("baseCurrency", baseCurrency, "quoteCurrency", quoteCurrency,
                "rate", rate, "validFrom", validFrom));
        String base = baseCurrency.strip().toUpperCase(Locale.ROOT);
        String quote = quoteCurrency.strip().toUpperCase(Locale.ROOT);
        if (!base.matches("[A-Z]{3}") || !quote.matches("[A-Z]{3}") || base.equals(quote)) {
            Set<String> invalid = new LinkedHashSet<>();
            if (!base.matches("[A-Z]{3}")) {
                invalid.add("baseCurrency");
            }
            if (!quote.matches("[A-Z]{3}") || base.equals(quote)) {
                invalid.add("quoteCurrency");
            }
            model.addAttribute("fxInvalid", invalid);
            return refused(user, "settlementRuns.fx.currency", model, response);
        }
        // read in the user's language: until 2026-12-07 a comma became a point, so English 1,450 (KRW) was 1.45
        BigDecimal typedRate = io.accord.portal.layout.TypedAmounts.parse(rate,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(), RATE_DECIMALS).orElse(null);
        if (typedRate == null || typedRate.signum() <= 0) {
            model.addAttribute("fxInvalid", Set.of("rate"));
            return refused(user, "settlementRuns.fx.rateInvalid", model, response);
        }
        String value = typedRate.toPlainString();
        String from;
        try {
            from = LocalDateTime.parse(validFrom.strip()).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException malformed) {
            model.addAttribute("fxInvalid", Set.of("validFrom"));
            return refused(user, "settlementRuns.fx.validFromInvalid", model, response);
        }
        try {
            Map<String, String> load = new java.util.LinkedHashMap<>();
            load.put("baseCurrency", base);
            load.put("quoteCurrency", quote);
            load.put("rate", value);
            load.put("validFrom", from);
            gateway.post(API + "/fx-rates", load);
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            // a rate of that pair from that instant exists, or the service refused a value: say so, keep nothing
            response.setStatus(e.status());
            model.addAttribute("errorDetail", e.detail());
            return refused(user, e.status() == 409 ? "settlementRuns.fx.exists" : "settlementRuns.fx.rejected",
                    model, response, e.status());
        }
        redirect.addFlashAttribute("rateLoaded", base + "/" + quote + " " + value);
        return "redirect:/settlement-runs";
    }

    /** Confirms a PROPOSED rate (four-eyes: settlement refuses whoever loaded or corrected it with 409). */
    @PostMapping("/settlement-runs/fx-rates/{id}/confirmation")
    String confirmRate(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, FX_CONFIRMERS);
        JsonNode confirmed;
        try {
            confirmed = gateway.post(API + "/fx-rates/{id}/confirmation", null, id);
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 404 && e.status() != 409) {
                throw e;
            }
            // the loader or corrector, a rate no longer proposed, or a correction an issued statement now blocks
            model.addAttribute("errorDetail", e.detail());
            return refused(user, e.status() == 404 ? "settlementRuns.fx.unknown" : "settlementRuns.fx.notConfirmed",
                    model, response, e.status());
        }
        redirect.addFlashAttribute("rateConfirmed", shown(confirmed));
        return "redirect:/settlement-runs";
    }

    /**
     * Rejects a PROPOSED rate with a reason (a second finance user), or withdraws it (whoever loaded or corrected it):
     * REJECTED, never in force. Settlement answers 409 for a rate no longer proposed.
     */
    @PostMapping("/settlement-runs/fx-rates/{id}/rejection")
    String rejectRate(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                      @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        StaffActions.require(user, FX_CONFIRMERS);
        // refused, the row's form shows what was typed (used only when the page shows again)
        model.addAttribute("rejectionOf", id.toString());
        model.addAttribute("rejectionReason", reason);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            model.addAttribute("rejectionInvalid", true);
            return refused(user, why.isEmpty() ? "settlementRuns.fx.rejectionReason.required"
                    : "settlementRuns.reason.tooLong", model, response);
        }
        JsonNode rejected;
        try {
            rejected = gateway.post(API + "/fx-rates/{id}/rejection", Map.of("reason", why), id);
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 404 && e.status() != 409) {
                throw e;
            }
            // 409: confirmed, rejected or superseded meanwhile
            model.addAttribute("errorDetail", e.detail());
            return refused(user, e.status() == 404 ? "settlementRuns.fx.unknown" : "settlementRuns.fx.notRejected",
                    model, response, e.status());
        }
        redirect.addFlashAttribute("rateRejected", shown(rejected));
        return "redirect:/settlement-runs";
    }

    /** Corrects a rate (the page offers it on CONFIRMED ones): a new PROPOSED version of its pair and validFrom. */
    @PostMapping("/settlement-runs/fx-rates/{id}/correction")
    String correctRate(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                       @RequestParam(defaultValue = "") String rate, @RequestParam(defaultValue = "") String reason,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, FX_LOADERS);
        // refused, the row's form shows what was typed, the refused field marked (used only when the page shows again)
        model.addAttribute("correctionOf", id.toString());
        model.addAttribute("correctionValues", Map.of("rate", rate, "reason", reason));
        BigDecimal typedRate = io.accord.portal.layout.TypedAmounts.parse(rate,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(), RATE_DECIMALS).orElse(null);
        if (typedRate == null || typedRate.signum() <= 0) {
            model.addAttribute("correctionInvalid", Set.of("rate"));
            return refused(user, "settlementRuns.fx.rateInvalid", model, response);
        }
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            model.addAttribute("correctionInvalid", Set.of("reason"));
            return refused(user, why.isEmpty() ? "settlementRuns.fx.correctionReason.required"
                    : "settlementRuns.reason.tooLong", model, response);
        }
        JsonNode correction;
        try {
            Map<String, String> body = new java.util.LinkedHashMap<>();
            body.put("rate", typedRate.toPlainString());
            body.put("reason", why);
            correction = gateway.post(API + "/fx-rates/{id}/correction", body, id);
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 404 && e.status() != 409) {
                throw e;
            }
            // 409: an issued statement converted at the rate (named: correct it with a note) or a correction pends
            model.addAttribute("errorDetail", e.detail());
            return refused(user, switch (e.status()) {
                case 404 -> "settlementRuns.fx.unknown";
                case 409 -> "settlementRuns.fx.notCorrectable";
                default -> "settlementRuns.fx.rejected";
            }, model, response, e.status());
        }
        redirect.addFlashAttribute("rateCorrected", shown(correction));
        return "redirect:/settlement-runs";
    }

    /** {@code USD/EUR 0.9214}, as the page's notices name a rate. */
    private static String shown(JsonNode rate) {
        return rate.path("baseCurrency").asString("") + "/" + rate.path("quoteCurrency").asString("") + " "
                + rate.path("rate").asString("");
    }

    private String refused(OidcUser user, String errorKey, Model model, HttpServletResponse response) {
        return refused(user, errorKey, model, response, HttpStatus.BAD_REQUEST.value());
    }

    private String refused(OidcUser user, String errorKey, Model model, HttpServletResponse response, int status) {
        // bad input: nothing is changed; the page says what is missing
        model.addAttribute("errorKey", errorKey);
        String page = overview(user, 0, model);
        response.setStatus(status);
        return page;
    }

    /** The selected period ids, or {@code null} when none (or a malformed one, or too many) was selected. */
    private static Set<UUID> selected(List<String> periodIds) {
        if (periodIds == null || periodIds.isEmpty() || periodIds.size() > SELECTED_MAX) {
            return null;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : periodIds) {
            try {
                ids.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return ids;
    }
}

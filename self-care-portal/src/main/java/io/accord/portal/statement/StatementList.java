package io.accord.portal.statement;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.Ids;
import io.accord.portal.layout.PageBounds;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The statements list page ({@code statements.html}): one page of settlement's list for a {@link StatementFilter},
 * staff with a partner filter by name and a Partner column, a period filter by the period's bounds
 * ({@link StatementPeriods}), finance with the approval buttons and the selection that
 * approves or issues several statements ({@link StatementBulkController}). A filter with a problem answers 400 with
 * the filter saying it, nothing asked.
 */
@Component
class StatementList {

    /** A page of the list, and the most statements one "approve / issue selected" acts on. */
    static final int PAGE_SIZE = 50;

    private final Gateway gateway;
    private final PartnerNames partnerNames;
    private final StatementPeriods periods;

    StatementList(Gateway gateway, PartnerNames partnerNames, StatementPeriods periods) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
        this.periods = periods;
    }

    String show(OidcUser principal, StatementFilter filter, int page, Model model, HttpServletResponse response) {
        boolean staff = principal != null && PortalUser.of(principal).partnerId() == null;
        int current = Math.max(0, page);
        model.addAttribute("filter", filter);
        model.addAttribute("filterParameters", filter.parameters());
        model.addAttribute("state", filter.state());
        model.addAttribute("states", StatementFilter.STATES);
        model.addAttribute("directions", StatementFilter.DIRECTIONS);
        model.addAttribute("showsPartner", staff);
        List<PartnerNames.Choice> choices = staff ? partnerNames.choices(filter.partnerId()) : List.of();
        model.addAttribute("partnerChoices", choices);
        // periods are a partner's: a partner chooses among its own, staff among the chosen partner's
        model.addAttribute("periodChoices", periods.choices(!staff, Ids.isUuid(filter.partnerId())
                ? filter.partnerId() : "", Ids.isUuid(filter.periodId()) ? filter.periodId() : ""));
        model.addAttribute("selects", staff && StaffActions.mayAct(principal, Roles.FINANCE));
        model.addAttribute("bulkMax", PAGE_SIZE);
        model.addAttribute("page", current);
        String problem = filter.problem();
        model.addAttribute("filterErrorKey", problem);
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("partnerNames", PartnerNames.Names.NONE);
            model.addAttribute("statements", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("hasNext", false);
            return "statements";
        }
        int offset = current * PAGE_SIZE;
        List<Object> variables = new ArrayList<>();
        Gateway.Listing listing = gateway.list(filter.query(offset, PAGE_SIZE, variables), variables.toArray());
        List<StatementsController.Row> rows = new ArrayList<>();
        for (JsonNode item : listing.items()) {
            rows.add(StatementsController.Row.of(item));
        }
        // staff read every partner's statements: a column names the partner (a partner sees only its own)
        model.addAttribute("partnerNames", staff
                ? partnerNames.of(choices, rows.stream().map(StatementsController.Row::partnerId).toList())
                : PartnerNames.Names.NONE);
        model.addAttribute("statements", rows);
        model.addAttribute("total", listing.total());
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", offset + rows.size() < listing.total());
        return "statements";
    }
}

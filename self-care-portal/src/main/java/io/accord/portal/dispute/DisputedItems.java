package io.accord.portal.dispute;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;

import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.offeringname.OfferingNames;
import tools.jackson.databind.JsonNode;

/**
 * What exactly a dispute disputes: the ticket's related entities other than its statement (a statement line, an
 * invoice line, a reconciliation item or discrepancy, a usage record), a statement line with its number, its name as
 * the statement page gives it ({@link DisplayHelper#statementLine}) and its amount from the statement. Until
 * 2026-12-07 the dispute's page named only the statement and the disputed amount, not the line.
 */
final class DisputedItems {

    private DisputedItems() {
    }

    /**
     * One disputed item; {@code lineNumber}, {@code description} and {@code amount} only for a statement line found on
     * the statement (else empty: the page shows the item's role and reference); {@code disputed} what the dispute
     * disputes on that statement line (dispute-service's {@code relatedEntity[].disputedAmount}, in
     * {@code disputedCurrency}; empty when the dispute did not say it per line); {@code share} the line's share of
     * the adjustment once the dispute is resolved with one split by line ({@code adjustmentShare}), {@code settled}
     * what the document line carrying that share moves once settlement placed it ({@code adjustmentSettled}, in its
     * document's currency): each empty until then.
     */
    record Item(String role, String reference, String lineNumber, String description, String amount,
                String currency, String disputed, String disputedCurrency, Amount share, Amount settled) {

        Item(String role, String reference, String lineNumber, String description, String amount,
             String currency, String disputed, String disputedCurrency) {
            this(role, reference, lineNumber, description, amount, currency, disputed, disputedCurrency, Amount.NONE,
                    Amount.NONE);
        }

        public boolean described() {
            return !description.isEmpty();
        }

        public boolean disputedOwn() {
            return !disputed.isEmpty();
        }

        /** The item with the line's share of the adjustment and what was settled on it, from the ticket. */
        Item resolvedAs(JsonNode entity) {
            return new Item(role, reference, lineNumber, description, amount, currency, disputed, disputedCurrency,
                    Amount.of(entity.path("adjustmentShare")), Amount.of(entity.path("adjustmentSettled")));
        }
    }

    /** A TMF money {@code {unit, value}} as the page prints it; {@link #NONE} (empty) when the ticket has none. */
    record Amount(String value, String currency) {

        static final Amount NONE = new Amount("", "");

        static Amount of(JsonNode money) {
            String value = money.path("value").asString("");
            return value.isEmpty() ? NONE : new Amount(value, money.path("unit").asString(""));
        }

        public boolean present() {
            return !value.isEmpty();
        }
    }

    /**
     * The ticket's disputed items in its order; {@code statement} the dispute's statement as settlement answers it
     * ({@code null} when it cannot be read: its lines are then named by their reference only).
     */
    static List<Item> of(JsonNode ticket, JsonNode statement, OfferingNames offeringNames, DisplayHelper display) {
        List<Item> items = new ArrayList<>();
        List<JsonNode> lines = new ArrayList<>();
        if (statement != null) {
            statement.path("lines").forEach(lines::add);
        }
        OfferingNames.Names names = lines.isEmpty() || "en".equals(LocaleContextHolder.getLocale().getLanguage())
                ? OfferingNames.Names.NONE
                : offeringNames.of(lines.stream().map(line -> line.path("offeringId").asString("")).toList());
        String currency = statement == null ? "" : statement.path("currency").asString("");
        for (JsonNode entity : ticket.path("relatedEntity")) {
            String role = entity.path("role").asString("");
            String reference = entity.path("id").asString("");
            if ("Statement".equals(role)) {
                continue;
            }
            int index = "StatementLine".equals(role) ? index(lines, statement, reference) : -1;
            String disputed = entity.path("disputedAmount").path("value").asString("");
            String disputedCurrency = entity.path("disputedAmount").path("unit").asString("");
            if (index < 0) {
                items.add(new Item(role, reference, "", "", "", "", disputed, disputedCurrency).resolvedAs(entity));
                continue;
            }
            JsonNode line = lines.get(index);
            String label = line.path("label").asString(line.path("type").asString(""));
            items.add(new Item(role, reference, line.path("lineNumber").asString(String.valueOf(index + 1)),
                    display.statementLine(label, names.name(line.path("offeringId").asString("")),
                            line.path("usageType").asString(""), line.path("reference").asString(""),
                            line.path("type").asString("")),
                    line.path("rounded").asString(""), currency, disputed, disputedCurrency).resolvedAs(entity));
        }
        return items;
    }

    /** Where the statement's line of this id ({@code <statementId>-<n>}, as the dispute form sends it) is, else -1. */
    private static int index(List<JsonNode> lines, JsonNode statement, String id) {
        String statementId = statement == null ? "" : statement.path("id").asString("");
        for (int n = 0; n < lines.size(); n++) {
            JsonNode line = lines.get(n);
            String lineId = line.path("id").asString("");
            if (id.equals(lineId) || lineId.isEmpty() && id.equals(statementId + "-" + (n + 1))) {
                return n;
            }
        }
        return -1;
    }
}

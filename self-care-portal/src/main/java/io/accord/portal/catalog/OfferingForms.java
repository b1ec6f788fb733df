package io.accord.portal.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;

import io.accord.portal.layout.TypedAmounts;
import tools.jackson.databind.JsonNode;

/**
 * The catalog's edit forms as plain values: what a form shows (from the TMF resources), what the user typed, the
 * portal's own checks (a 400 naming the field, nothing sent), the request the catalog gets, and where the catalog's
 * field violations belong on the form.
 */
final class OfferingForms {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 2000;
    /** The most decimals catalog takes in a price (its {@code PriceRules}). */
    static final int PRICE_DECIMALS = 6;

    private OfferingForms() {
    }

    /** The offering's changeable attributes as the form shows them (dates as {@code datetime-local}, UTC). */
    static Map<String, String> offeringValues(JsonNode offering) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", offering.path("name").asString(""));
        values.put("description", offering.path("description").asString(""));
        values.put("validFrom", local(offering.path("validFor").path("startDateTime").asString("")));
        values.put("validTo", local(offering.path("validFor").path("endDateTime").asString("")));
        return values;
    }

    /** The price's changeable attributes as the form shows them. */
    static Map<String, String> priceValues(JsonNode price) {
        JsonNode definition = price.path("definition");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", price.path("name").asString(""));
        values.put("amount", decimal(definition.path("amount")));
        values.put("minimumCharge", decimal(definition.path("minimumCharge")));
        values.put("validFrom", local(price.path("validFor").path("startDateTime").asString("")));
        return values;
    }

    /** The portal's own checks of an offering form: field → message key. */
    static Map<String, String> offeringErrors(Map<String, String> typed) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = typed.get("name");
        if (name.isEmpty()) {
            errors.put("name", "catalogEdit.error.nameRequired");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "catalogEdit.error.nameTooLong");
        }
        if (typed.get("description").length() > DESCRIPTION_MAX) {
            errors.put("description", "catalogEdit.error.descriptionTooLong");
        }
        for (String field : List.of("validFrom", "validTo")) {
            if (!typed.get(field).isEmpty() && instant(typed.get(field)) == null) {
                errors.put(field, "catalogEdit.error.dateTime");
            }
        }
        if (!errors.containsKey("validFrom") && !errors.containsKey("validTo") && !typed.get("validFrom").isEmpty()
                && !typed.get("validTo").isEmpty()
                && !instant(typed.get("validTo")).isAfter(instant(typed.get("validFrom")))) {
            errors.put("validTo", "catalogEdit.error.validToBeforeFrom");
        }
        return errors;
    }

    /** The portal's own checks of a price form: field → message key. */
    static Map<String, String> priceErrors(Map<String, String> typed, boolean tiered) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = typed.get("name");
        if (name.isEmpty()) {
            errors.put("name", "catalogEdit.error.nameRequired");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "catalogEdit.error.nameTooLong");
        }
        if (!tiered && (typed.get("amount").isEmpty() || amount(typed.get("amount")) == null)) {
            errors.put("amount", "catalogEdit.error.amount");
        }
        if (!typed.get("minimumCharge").isEmpty() && amount(typed.get("minimumCharge")) == null) {
            errors.put("minimumCharge", "catalogEdit.error.amount");
        }
        if (typed.get("validFrom").isEmpty() || instant(typed.get("validFrom")) == null) {
            errors.put("validFrom", "catalogEdit.error.validFrom");
        }
        return errors;
    }

    /**
     * The JSON merge patch of what changed between the shown and the typed values ({@code null} removes an optional
     * attribute); empty when nothing changed.
     */
    static Map<String, Object> offeringPatch(Map<String, String> current, Map<String, String> typed) {
        Map<String, Object> patch = new LinkedHashMap<>();
        if (!typed.get("name").equals(current.get("name"))) {
            patch.put("name", typed.get("name"));
        }
        if (!typed.get("description").equals(current.get("description"))) {
            patch.put("description", typed.get("description").isEmpty() ? null : typed.get("description"));
        }
        Map<String, Object> validFor = new LinkedHashMap<>();
        if (!typed.get("validFrom").equals(current.get("validFrom"))) {
            validFor.put("startDateTime", typed.get("validFrom").isEmpty() ? null : instant(typed.get("validFrom")).toString());
        }
        if (!typed.get("validTo").equals(current.get("validTo"))) {
            validFor.put("endDateTime", typed.get("validTo").isEmpty() ? null : instant(typed.get("validTo")).toString());
        }
        if (!validFor.isEmpty()) {
            patch.put("validFor", validFor);
        }
        return patch;
    }

    /**
     * The TMF620 productOfferingPrice the catalog gets: the price version's whole definition with the typed name,
     * amount, minimum charge and start; the same {@code externalId}, so it replaces the price of a draft and proposes
     * a new price version of a launched offering.
     */
    static Map<String, Object> priceRequest(String offeringId, JsonNode price, Map<String, String> typed) {
        JsonNode d = price.path("definition");
        boolean tiered = !d.path("tiers").isEmpty();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", typed.get("name"));
        request.put("priceType", switch (d.path("type").asString("")) {
            case "ONE_TIME" -> "oneTime";
            case "RECURRING" -> "recurring";
            default -> "usage";
        });
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("unit", d.path("currency").asString(""));
        if (!tiered) {
            money.put("value", amount(typed.get("amount")).toPlainString());
        }
        request.put("price", money);
        text(d, "period").ifPresent(period -> request.put("recurringChargePeriodType", period.toLowerCase(Locale.ROOT)));
        text(d, "unit").ifPresent(unit -> {
            Map<String, Object> quantity = new LinkedHashMap<>();
            quantity.put("amount", 1);
            quantity.put("units", unit);
            request.put("unitOfMeasure", quantity);
        });
        request.put("validFor", Map.of("startDateTime", instant(typed.get("validFrom")).toString()));
        request.put("tax", List.of(Map.of("taxCategory", d.path("taxCategory").asString(""))));
        request.put("productOffering", Map.of("id", offeringId));
        request.put("externalId", price.path("externalId").asString(""));
        for (String field : List.of("proration", "roundingFirst", "roundingNext", "minimumQuantity", "tierMode",
                "tiers", "accumulation", "usageTypes")) {
            JsonNode value = d.path(field);
            if (!value.isMissingNode() && !value.isNull() && !(value.isArray() && value.isEmpty())) {
                request.put(field, value);
            }
        }
        if (!typed.get("minimumCharge").isEmpty()) {
            request.put("minimumCharge", amount(typed.get("minimumCharge")).toPlainString());
        }
        return request;
    }

    /** Which form field a catalog violation belongs to ({@code null}: the form's general message). */
    static String offeringField(String serviceField) {
        return switch (serviceField) {
            case "name", "description", "validFrom", "validTo" -> serviceField;
            case "validFor", "validFor.startDateTime" -> "validFrom";
            case "validFor.endDateTime" -> "validTo";
            default -> null;
        };
    }

    static String priceField(String serviceField) {
        return switch (serviceField) {
            case "name", "amount", "minimumCharge", "validFrom" -> serviceField;
            case "price", "price.value" -> "amount";
            case "validFor", "validFor.startDateTime" -> "validFrom";
            default -> null;
        };
    }

    /** {@code 2026-12-01T00:00} (a {@code datetime-local} in UTC) as an instant, {@code null} when unreadable. */
    static Instant instant(String local) {
        try {
            return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * A non-negative decimal in the user's language ({@link TypedAmounts}: {@code 1.234,50} in German), at most 6
     * decimals (a price per unit may be a fraction of a cent); {@code null} when it is none.
     */
    static BigDecimal amount(String typed) {
        return TypedAmounts.parse(typed, LocaleContextHolder.getLocale(), PRICE_DECIMALS).orElse(null);
    }

    private static String local(String iso) {
        return iso.length() >= 16 && iso.charAt(10) == 'T' ? iso.substring(0, 16) : "";
    }

    /** A price's amount as the form starts with it: written the way {@link #amount} reads it back. */
    private static String decimal(JsonNode value) {
        return TypedAmounts.editable(value, LocaleContextHolder.getLocale());
    }

    private static java.util.Optional<String> text(JsonNode definition, String field) {
        String value = definition.path(field).asString("");
        return value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}

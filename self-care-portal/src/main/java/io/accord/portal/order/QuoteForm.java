package io.accord.portal.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.accord.portal.gateway.GatewayProblem;

/**
 * The new-quote form as a TMF648 request, and the service's violations back at the form's fields: one item (id
 * {@code 1}) of the chosen offering, its characteristic values ({@code char.<name>} from the specification's fields,
 * or free {@code charName<n>}/{@code charValue<n>} rows), the customer and an optional discount.
 */
final class QuoteForm {

    static final String ITEM = "1";
    /**
     * The most units one quote item takes: orchestration's rule ({@code OrderPricing.MAX_QUANTITY}, its
     * {@code quantity} of a quote item and an order item: 1–100). The form's input says so; until 2026-12-07 it
     * offered up to 10000, which orchestration refused. {@code QuotesControllerTests} reads the rule from
     * orchestration's source, so the two cannot drift apart unnoticed.
     */
    static final int MAX_QUANTITY = 100;
    private static final Pattern CHARACTERISTIC = Pattern.compile(".*productCharacteristic\\[(.+)]$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private QuoteForm() {
    }

    static Map<String, Object> body(Map<String, String> form) {
        List<Map<String, Object>> characteristics = characteristics(form);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", ITEM);
        item.put("action", "add");
        item.put("quantity", integer(form.getOrDefault("quantity", "1")));
        item.put("productOffering", Map.of("id", form.getOrDefault("offeringId", "").strip()));
        item.put("product", Map.of("productCharacteristic", characteristics));
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", form.getOrDefault("customerId", "").strip());
        String customerName = form.getOrDefault("customerName", "").strip();
        if (!customerName.isEmpty()) {
            customer.put("name", customerName);
        }
        customer.put("role", "Customer");
        Map<String, Object> quote = new LinkedHashMap<>();
        String description = form.getOrDefault("description", "").strip();
        if (!description.isEmpty()) {
            quote.put("description", description);
        }
        quote.put("relatedParty", List.of(customer));
        quote.put("quoteItem", List.of(item));
        String discount = form.getOrDefault("discountPercent", "").strip();
        if (!discount.isEmpty()) {
            quote.put("discountPercent", discount);
        }
        return quote;
    }

    /** The characteristics the form sends, in the order the request lists them. */
    private static List<Map<String, Object>> characteristics(Map<String, String> form) {
        List<Map<String, Object>> characteristics = new ArrayList<>();
        form.forEach((key, value) -> {
            if (key.startsWith("char.") && !value.isBlank()) {
                characteristics.add(characteristic(key.substring(5), value.strip()));
            }
        });
        for (int row = 0; form.containsKey("charName" + row); row++) {
            String name = form.get("charName" + row).strip();
            String value = form.getOrDefault("charValue" + row, "").strip();
            if (!name.isEmpty()) {
                characteristics.add(characteristic(name, value));
            }
        }
        return characteristics;
    }

    private static Map<String, Object> characteristic(String name, String value) {
        Map<String, Object> characteristic = new LinkedHashMap<>();
        characteristic.put("name", name);
        characteristic.put("value", typed(value));
        return characteristic;
    }

    /** A number or boolean as JSON's own type (the specification checks types), anything else as text. */
    static Object typed(String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        return NUMBER.matcher(value).matches() ? new BigDecimal(value) : value;
    }

    private static Object integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            // the service names the field
            return value.strip();
        }
    }

    /**
     * Violations of a characteristic, by its name. The service names a characteristic by its place in the array
     * sent ({@code productCharacteristic[0]}), the form by its name: the place is looked up in the same list
     * {@link #body} sent.
     */
    static Map<String, String> characteristicErrors(GatewayProblem problem, Map<String, String> form) {
        List<Map<String, Object>> sent = characteristics(form);
        Map<String, String> errors = new LinkedHashMap<>();
        problem.messagesByField().forEach((field, message) -> {
            Matcher matcher = CHARACTERISTIC.matcher(field);
            if (matcher.matches()) {
                String name = matcher.group(1);
                if (name.chars().allMatch(Character::isDigit) && name.length() < 6
                        && Integer.parseInt(name) < sent.size()) {
                    name = String.valueOf(sent.get(Integer.parseInt(name)).get("name"));
                }
                errors.putIfAbsent(name, message);
            }
        });
        return errors;
    }

    /** The other violations, by the form field they concern (the field path when there is no such form field). */
    static Map<String, String> fieldErrors(GatewayProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.messagesByField().forEach((field, message) -> {
            if (CHARACTERISTIC.matcher(field).matches()) {
                return;
            }
            String key = field.endsWith("productOffering.id") || field.endsWith("productOffering") ? "offeringId"
                    : field.endsWith("quantity") ? "quantity"
                    : field.startsWith("relatedParty") ? "customerId"
                    : field.equals("discountPercent") ? "discountPercent" : field;
            errors.putIfAbsent(key, message);
        });
        return errors;
    }
}

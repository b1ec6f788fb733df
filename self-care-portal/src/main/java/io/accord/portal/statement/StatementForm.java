package io.accord.portal.statement;

import java.util.List;
import java.util.Map;

/**
 * A form of the statement's page other than the payment's (drafting a credit or debit note, discarding the
 * statement) as the user filled it in: its values and each field's error by input name ({@code reason},
 * {@code lines[0].amount}, as settlement names its violations), and settlement's {@code detail} when it refused.
 */
record StatementForm(Map<String, String> values, Map<String, String> errors, String detail) {

    static final StatementForm EMPTY = new StatementForm(Map.of(), Map.of(), null);

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** Whether the form was refused (by the portal's check or by settlement). */
    public boolean refused() {
        return detail != null || !errors.isEmpty();
    }

    /** How many fields of the form are marked with an error (the summary counts them). */
    public long markedFields(List<String> inputs) {
        return errors.keySet().stream().filter(inputs::contains).count();
    }

    /** The errors of fields the form has no input for (e.g. {@code totalAmount}), each as "field: …". */
    public List<String> otherErrors(List<String> inputs) {
        return errors.entrySet().stream().filter(e -> !inputs.contains(e.getKey()))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}

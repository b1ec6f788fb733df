package io.accord.portal.invoice;

import java.util.List;
import java.util.function.UnaryOperator;

import io.accord.portal.layout.PeriodLabels;
import tools.jackson.databind.JsonNode;

/** A settlement period as the invoice form's picker names it ({@link PeriodLabels}: told apart from the others). */
record PeriodOption(String id, String label) {

    static List<PeriodOption> of(JsonNode periods, UnaryOperator<String> state) {
        return PeriodLabels.of(periods, state).entrySet().stream()
                .map(period -> new PeriodOption(period.getKey(), period.getValue())).toList();
    }
}

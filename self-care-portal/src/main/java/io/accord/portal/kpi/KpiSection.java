package io.accord.portal.kpi;

import java.util.ArrayList;
import java.util.List;

/**
 * One service's part of the KPI dashboard: tiles of figures, bar charts and tables, or why it is not shown.
 *
 * @param status {@code SHOWN}; {@code NOT_FOR_ROLE} when the user's roles do not read this service's KPIs;
 *               {@code UNAVAILABLE} when the gateway could not answer
 */
record KpiSection(String id, Status status, List<Figure> figures, List<Chart> charts, List<Table> tables) {

    enum Status { SHOWN, NOT_FOR_ROLE, UNAVAILABLE }

    /** A tile: message key of its label, the figure as shown. */
    record Figure(String labelKey, String value) {
    }

    /**
     * A chart with the message key of its title and the title's one argument (or null); its description says the
     * figures follow as a table.
     */
    record Chart(String titleKey, String titleArgument, BarChart chart) {
    }

    /** A table: caption and column header keys, rows of shown values (the first column a row header). */
    record Table(String captionKey, List<String> headerKeys, List<List<String>> rows) {
    }

    static KpiSection notShown(String id, Status status) {
        return new KpiSection(id, status, List.of(), List.of(), List.of());
    }

    public boolean shown() {
        return status == Status.SHOWN;
    }

    public boolean notForRole() {
        return status == Status.NOT_FOR_ROLE;
    }

    public boolean unavailable() {
        return status == Status.UNAVAILABLE;
    }

    /** Collects a section's parts. */
    static final class Builder {

        private final String id;
        private final List<Figure> figures = new ArrayList<>();
        private final List<Chart> charts = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        Builder figure(String labelKey, String value) {
            figures.add(new Figure(labelKey, value));
            return this;
        }

        Builder chart(String titleKey, BarChart chart) {
            return chart(titleKey, null, chart);
        }

        Builder chart(String titleKey, String titleArgument, BarChart chart) {
            charts.add(new Chart(titleKey, titleArgument, chart));
            return this;
        }

        Builder table(String captionKey, List<String> headerKeys, List<List<String>> rows) {
            tables.add(new Table(captionKey, headerKeys, rows));
            return this;
        }

        KpiSection build() {
            return new KpiSection(id, Status.SHOWN, List.copyOf(figures), List.copyOf(charts), List.copyOf(tables));
        }
    }
}

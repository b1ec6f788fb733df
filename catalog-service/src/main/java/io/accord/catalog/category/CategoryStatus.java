package io.accord.catalog.category;

import io.accord.platform.problem.InvalidInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * TMF620 lifecycle of a category. Before launch a category may move freely between the design statuses; once
 * launched it is only retired (and re-launched or made obsolete from there), because offerings and revenue-share
 * rules may already name it.
 */
enum CategoryStatus {
    IN_STUDY("In study"), IN_DESIGN("In design"), IN_TEST("In test"), ACTIVE("Active"), REJECTED("Rejected"),
    LAUNCHED("Launched"), RETIRED("Retired"), OBSOLETE("Obsolete");

    private final String label;

    CategoryStatus(String label) {
        this.label = label;
    }

    /** The TMF value, as stored and shown. */
    String label() {
        return label;
    }

    /** Never launched: the only statuses in which a category may still be deleted. */
    boolean isPreLaunch() {
        return ordinal() < LAUNCHED.ordinal();
    }

    boolean canBecome(CategoryStatus next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case LAUNCHED -> next == RETIRED;
            case RETIRED -> next == LAUNCHED || next == OBSOLETE;
            case OBSOLETE -> false;
            default -> next.isPreLaunch() || next == LAUNCHED;
        };
    }

    /** By its TMF value, case-insensitive ({@code "launched"}); anything else is a 400 naming {@code field}. */
    static CategoryStatus parse(String value, String field) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(values())
                .filter(status -> status.label.equalsIgnoreCase(wanted) || status.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, field + " must be one of " + labels()));
    }

    static CategoryStatus ofLabel(String label) {
        return parse(label, "lifecycleStatus");
    }

    static String labels() {
        return Arrays.stream(values()).map(CategoryStatus::label).collect(Collectors.joining(", "));
    }
}

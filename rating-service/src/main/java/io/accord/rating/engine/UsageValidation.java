package io.accord.rating.engine;

/** What makes a usage record {@link SuspenseReason#INVALID} before anything is looked up. */
final class UsageValidation {

    /** Beyond it a usage time is a data error, and tier periods would run past what {@code LocalDate} holds. */
    private static final int LAST_YEAR = 9999;

    private UsageValidation() {
    }

    /** The first problem of the record, or {@code null} when it can be rated. */
    static String problem(UsageRecord usage) {
        if (blank(usage.source())) {
            return "source is missing";
        }
        if (blank(usage.usageId())) {
            return "usageId is missing";
        }
        if (blank(usage.usageType())) {
            return "usageType is missing";
        }
        if (blank(usage.subscriberId())) {
            return "subscriberId is missing";
        }
        if (usage.usageTime() == null) {
            return "usageTime is missing";
        }
        if (usage.usageTime().getYear() > LAST_YEAR || usage.usageTime().toInstant().isAfter(UsageRecord.LAST)) {
            return "usageTime is after the year " + LAST_YEAR + ": " + usage.usageTime();
        }
        if (usage.quantity() == null) {
            return "quantity is missing";
        }
        if (usage.quantity().signum() < 0) {
            return "quantity is negative: " + usage.quantity().toPlainString();
        }
        if (usage.unit() == null) {
            return "unit is missing";
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

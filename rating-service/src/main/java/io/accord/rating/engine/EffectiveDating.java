package io.accord.rating.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The one definition of "in force" (from inclusive, to exclusive) and the checks the input records share. */
final class EffectiveDating {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EffectiveDating() {
    }

    static boolean inForce(Instant validFrom, Instant validTo, Instant instant) {
        return validFrom.compareTo(instant) <= 0 && (validTo == null || instant.compareTo(validTo) < 0);
    }

    static void requireValidity(Instant validFrom, Instant validTo) {
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo " + validTo + " is not after validFrom " + validFrom);
        }
    }

    static void requirePercent(BigDecimal percent, String name) {
        Objects.requireNonNull(percent, name);
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 100: " + percent);
        }
    }

    static void requireNotNegative(BigDecimal value, String name) {
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}

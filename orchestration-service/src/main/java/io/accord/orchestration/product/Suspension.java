package io.accord.orchestration.product;

import java.time.Instant;
import java.util.Objects;

/**
 * Who barred a suspended instance: CSP staff (a fraud or legal bar, or any staff suspension) or its buyer, the
 * reseller barring its own customer. A reseller lifts only its own bar; staff lift any. Instances suspended before
 * the side was recorded (migration V45) count as staff's, with no user or time.
 *
 * @param side  {@link Side#STAFF} or {@link Side#PARTNER} (the buyer)
 * @param actor the user who suspended it, {@code null} when not recorded
 * @param at    when, {@code null} when not recorded
 */
public record Suspension(Side side, String actor, Instant at) {

    public enum Side { STAFF, PARTNER }

    public Suspension {
        Objects.requireNonNull(side, "side");
    }

    public static Suspension byStaff(String actor, Instant at) {
        return new Suspension(Side.STAFF, actor, at);
    }

    public static Suspension byPartner(String actor, Instant at) {
        return new Suspension(Side.PARTNER, actor, at);
    }

    boolean isStaff() {
        return side == Side.STAFF;
    }
}

package io.accord.catalog.price;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a new version of one price fits among its existing versions, so that at no instant two are in force. The
 * new version is in force from its start on: an announced version starting at or after it that has not started yet
 * is superseded; the version in force at its start ends there. A version that has already started cannot be
 * overtaken entirely (usage was rated with it): the new start must come after it.
 */
final class PriceTimeline {

    /** A version's validity: from inclusive, to exclusive ({@code null}: open-ended). */
    record Period(UUID id, Instant from, Instant to) {
    }

    /**
     * What to do: supersede these, end {@code closed} at the new start, and the new version starts there.
     * {@code replaced} is the version that was in force at the new start and no longer is: {@code closed}, or an
     * announced version starting exactly there (superseded); empty when none was in force there.
     */
    record Plan(List<UUID> superseded, Optional<UUID> closed, Optional<UUID> replaced, Instant start) {
    }

    /** A version as review sees it: approved by a partner manager (or launched with its offering) or not. */
    record Approval(UUID id, int versionNumber, Instant from, boolean reviewed) {
    }

    private PriceTimeline() {
    }

    /**
     * The reviewed baseline at {@code at}: the version that would be in force there had only reviewed versions been
     * written. Each version is in force from its start until a newer one starts (a newer one starting no later
     * supersedes it), so that is the newest reviewed version started by {@code at}, superseded or not: a version the
     * auto-approval policy let supersede a reviewed one does not move the baseline.
     *
     * @return empty when no reviewed version starts by {@code at}
     */
    static Optional<UUID> reviewedAt(List<Approval> versions, Instant at) {
        return versions.stream().filter(v -> v.reviewed() && !v.from().isAfter(at))
                .max(java.util.Comparator.comparingInt(Approval::versionNumber)).map(Approval::id);
    }

    /**
     * @param active the versions that are not superseded
     * @return the plan, or empty with the reason in {@code reason} when the start overtakes a started version
     */
    static Optional<Plan> plan(List<Period> active, Instant start, Instant now, StringBuilder reason) {
        List<UUID> superseded = new ArrayList<>();
        Optional<UUID> closed = Optional.empty();
        Optional<UUID> startingThere = Optional.empty();
        for (Period period : active) {
            if (!period.from().isBefore(start)) {
                if (!period.from().isAfter(now)) {
                    reason.append("validFrom ").append(start).append(" must come after ").append(period.from())
                            .append(", the start of a version already in force");
                    return Optional.empty();
                }
                superseded.add(period.id());
                if (period.from().equals(start)) {
                    startingThere = Optional.of(period.id());
                }
            } else if (period.to() == null || period.to().isAfter(start)) {
                closed = Optional.of(period.id());
            }
        }
        return Optional.of(new Plan(superseded, closed, closed.isPresent() ? closed : startingThere, start));
    }
}

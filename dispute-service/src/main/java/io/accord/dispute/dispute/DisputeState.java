package io.accord.dispute.dispute;

import java.util.Arrays;
import java.util.Optional;

/** A dispute's lifecycle (docs/disputes.md); {@link #tmf()} is the TMF621 {@code status} spelling. */
enum DisputeState {
    OPEN, IN_REVIEW, RESOLUTION_PROPOSED, ACCEPTED, REJECTED, RESOLVED, CLOSED, WITHDRAWN, ESCALATED,
    /** Staff asked the partner for information; the partner's answer takes it back into review. */
    PENDING_INFORMATION;

    /**
     * Still being worked: its disputed lines stay claimed and its SLA timers run (but for the resolution deadline
     * while {@link #PENDING_INFORMATION}: paused, see {@link Dispute#requestInformation}).
     */
    boolean isOpen() {
        return this == OPEN || this == IN_REVIEW || this == RESOLUTION_PROPOSED || this == ESCALATED
                || this == PENDING_INFORMATION;
    }

    String tmf() {
        String[] words = name().toLowerCase().split("_");
        StringBuilder camel = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return camel.toString();
    }

    static Optional<DisputeState> ofTmf(String status) {
        return Arrays.stream(values()).filter(state -> state.tmf().equals(status) || state.name().equals(status))
                .findFirst();
    }
}

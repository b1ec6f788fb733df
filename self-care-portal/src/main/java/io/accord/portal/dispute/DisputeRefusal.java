package io.accord.portal.dispute;

import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;

/**
 * dispute-service's refusal of an opening, in the user's words where the portal knows it (docs/disputes.md,
 * "Opening"): {@code amount-exceeds-line} with what {@code remaining} of the chosen lines' (or the statement's)
 * {@code scopeAmount} may still be disputed, {@code dispute-window-closed} with the window's days and when it closed.
 * Any other refusal is shown by the service's detail alone.
 *
 * @param kind {@code exceeds}, {@code windowClosed} or empty
 */
record DisputeRefusal(String kind, String remaining, String scopeAmount, String windowDays, String windowClosedAt) {

    static final DisputeRefusal OTHER = new DisputeRefusal("", "", "", "", "");

    static DisputeRefusal of(GatewayException refusal) {
        if (!(refusal instanceof GatewayProblem problem)) {
            return OTHER;
        }
        if ("amount-exceeds-line".equals(problem.slug()) && !problem.property("remaining").isEmpty()) {
            return new DisputeRefusal("exceeds", problem.property("remaining"), problem.property("scopeAmount"), "",
                    "");
        }
        if ("dispute-window-closed".equals(problem.slug()) && !problem.property("windowClosedAt").isEmpty()) {
            return new DisputeRefusal("windowClosed", "", "", problem.property("disputeWindowDays"),
                    problem.property("windowClosedAt"));
        }
        return OTHER;
    }
}

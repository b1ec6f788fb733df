package io.accord.onboarding.identity;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A failed attempt in one line that staff can act on: which step, and what Keycloak (or the network) said. */
final class ProvisioningFailures {

    private static final int MAX_BODY = 300;

    private ProvisioningFailures() {
    }

    /**
     * Whether retrying cannot heal the failure: a conflict with another partner's user, or Keycloak refusing a
     * request as invalid (400). An outage, a timeout, a 5xx or a missing permission of the client (fixed once for
     * every partner) heal or are fixed elsewhere, so those rows keep retrying.
     */
    static boolean permanent(RuntimeException failure) {
        return failure instanceof IdentityConflictException
                || failure instanceof ProvisioningStepException step && step.permanent();
    }

    /** Whether Keycloak refused the request itself as invalid, which it answers the same way every time. */
    static boolean refusedAsInvalid(RuntimeException failure) {
        return failure instanceof KeycloakRefusalException
                || failure instanceof WebApplicationException http
                && http.getResponse().getStatus() == Response.Status.BAD_REQUEST.getStatusCode();
    }

    static String describe(String step, RuntimeException failure, String serverUrl) {
        return step + ": " + cause(failure, serverUrl);
    }

    private static String cause(RuntimeException failure, String serverUrl) {
        if (failure instanceof WebApplicationException http) {
            Response response = http.getResponse();
            return "Keycloak answered " + response.getStatus() + " " + response.getStatusInfo().getReasonPhrase()
                    + body(response);
        }
        if (failure instanceof ProcessingException) {
            Throwable root = rootCause(failure);
            return "Keycloak not reachable at " + serverUrl + " (" + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private static String body(Response response) {
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body == null || body.isBlank()) {
                return "";
            }
            String oneLine = body.replaceAll("\\s+", " ").strip();
            return " " + (oneLine.length() > MAX_BODY ? oneLine.substring(0, MAX_BODY) + "…" : oneLine);
        } catch (RuntimeException unreadable) {
            // the proxy may have consumed or closed the entity already; the status alone still says enough
            return "";
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

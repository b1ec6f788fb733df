package io.accord.portal.gateway;

import org.springframework.http.HttpStatus;

/**
 * The gateway answered a data call with an error, or could not be reached ({@link #UNREACHABLE}). Pages show it as
 * an error page with a fitting status, never as a 500.
 */
public class GatewayException extends RuntimeException {

    public static final int UNREACHABLE = 0;

    private final int status;
    private final String detail;

    GatewayException(int status, String detail, Throwable cause) {
        super("gateway answered " + status + (detail == null ? "" : ": " + detail), cause);
        this.status = status;
        this.detail = detail;
    }

    /** A failed call of another gateway client (e.g. the applicant's, without a user token). */
    public static GatewayException answered(int status, String detail, Throwable cause) {
        return new GatewayException(status, detail, cause);
    }

    /** The gateway's status, or {@link #UNREACHABLE}. */
    public int status() {
        return status;
    }

    /** The problem's {@code detail} (else its {@code title}) when the gateway sent problem+json. */
    public String detail() {
        return detail;
    }

    /**
     * The status the portal's page answers with: the user's own 4xx stays (a file over the service's size limit is a
     * 413, a type it does not take a 415), a stale {@code If-Match} the portal sent (412) is the page's conflict (the
     * browser sent no precondition), the rest is a bad gateway.
     */
    public HttpStatus pageStatus() {
        return switch (status) {
            case 400, 409, 413, 415, 422 -> HttpStatus.valueOf(status);
            case 412 -> HttpStatus.CONFLICT;
            case 401, 403 -> HttpStatus.FORBIDDEN;
            case 404 -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_GATEWAY;
        };
    }
}

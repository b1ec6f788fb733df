package io.accord.platform.problem;

import io.accord.platform.web.CorrelationId;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;

/**
 * Tomcat's last word on a request: an error no servlet answered, typically a request Tomcat refuses before Spring
 * sees it (an undecodable or traversing path, a NUL byte, an illegal character, an oversized header). Tomcat's
 * own valve would answer an HTML page; this one answers problem+json like everything else a service says.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;
    private final PathMethods pathMethods;

    ProblemErrorReportValve(JsonMapper json, PathMethods pathMethods) {
        this.json = json;
        this.pathMethods = pathMethods;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guards as Tomcat's: not an error, already answered, or not marked as an error to report
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(tooLarge(status, request, throwable));
        String detail = detail(code);
        String method = request.getMethod();
        if ((status == 405 || status == 501) && UnsupportedMethods.isUnsupported(method)) {
            // Tomcat refuses CONNECT itself with a bare 501: answered as the firewall answers a method no operation
            // takes (405 with the path's Allow for CONNECT)
            code = UnsupportedMethods.status(method);
            detail = UnsupportedMethods.detail(method);
            if (code.value() == 405) {
                response.setHeader(HttpHeaders.ALLOW, pathMethods.allow(request.getRequestURI(),
                        request.getContextPath()));
            }
        }
        if (code.value() != status) {
            response.setStatus(code.value());
        }
        ProblemDetail problem = Problems.of(code, Problems.slugFor(code), detail);
        problem.setInstance(instance(request));
        try {
            String id = String.valueOf(problem.getProperties().get("correlationId"));
            response.setHeader(CorrelationId.HEADER, id);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }

    /**
     * Tomcat answers 400 when the request line and headers overflow its header buffer
     * ({@code server.max-http-request-header-size}); say which part was too large: 414 when not even the request
     * line fitted, else 431.
     */
    private static int tooLarge(int status, Request request, Throwable throwable) {
        if (status != 400 || throwable == null || throwable.getMessage() == null
                || !throwable.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too large")) {
            return status;
        }
        String uri = request.getRequestURI();
        return uri == null || uri.isEmpty() ? 414 : 431;
    }

    private static String detail(HttpStatusCode code) {
        HttpStatus known = HttpStatus.resolve(code.value());
        return switch (code.value()) {
            case 400 -> "The request is malformed: its path, query or headers cannot be read (e.g. an invalid "
                    + "percent-encoding, an encoded NUL, slash or backslash, or a character not allowed in a URL).";
            case 413 -> "The request is too large.";
            case 414 -> "The request URL is too long.";
            case 431 -> "The request headers are too large.";
            default -> known != null ? known.getReasonPhrase() + "." : "The request failed.";
        };
    }

    /** The path as sent when it is a valid URI reference; a malformed one is not repeated back. */
    private static URI instance(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri == null || uri.length() > 2_000 ? null : new URI(uri);
        } catch (Exception malformed) {
            return null;
        }
    }
}

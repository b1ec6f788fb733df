package io.accord.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page ({@code /error}) as problem+json: what a filter answered with
 * {@code sendError} (the firewall, the container, a filter) is said the same way as a controller's error.
 * Replaces Spring Boot's {@code BasicErrorController}, whose JSON is not problem+json.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    static final String UNDECODABLE_PARAMETERS = "The query or form parameters cannot be decoded (an invalid "
            + "percent-encoding or character set).";

    private final PathMethods pathMethods;

    ProblemErrorController(PathMethods pathMethods) {
        this.pathMethods = pathMethods;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatusCode status = failure instanceof InvalidParameterException ? HttpStatus.BAD_REQUEST : status(request);
        String detail = failure instanceof InvalidParameterException ? UNDECODABLE_PARAMETERS
                : failure != null && status.is5xxServerError()
                ? "Something went wrong on our side; quote the correlation id when reporting it."
                : detail(status);
        String method = sentMethod(request);
        if ((status.value() == 405 || status.value() == 501) && UnsupportedMethods.isUnsupported(method)) {
            // Tomcat refuses TRACE itself (allowTrace=false) with an Allow of every method the servlet has, not the
            // path's (OPTIONS on the same path said GET, HEAD, OPTIONS), and CONNECT with a bare 501: both as the
            // firewall answers a method no operation takes, a 405 with the path's Allow, as OPTIONS lists them
            status = UnsupportedMethods.status(method);
            response.setHeader(HttpHeaders.ALLOW, status.value() != 405 ? null : pathMethods.allow(
                    (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), request.getContextPath()));
            detail = UnsupportedMethods.detail(method);
        }
        ProblemDetail problem = Problems.of(status, Problems.slugFor(status), detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(new URI(uri));
            } catch (Exception malformed) {
                // a malformed path is not repeated back
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The method the client sent: the error dispatch's request says GET, the one it wraps what was sent. */
    private static String sentMethod(ServletRequest request) {
        ServletRequest sent = request;
        while (sent instanceof ServletRequestWrapper wrapper) {
            sent = wrapper.getRequest();
        }
        return sent instanceof HttpServletRequest http ? http.getMethod() : null;
    }

    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value && value >= 400 && value <= 599) {
            return HttpStatusCode.valueOf(value);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detail(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (status.value() == 400) {
            return "The request is malformed or was rejected (e.g. its path holds an encoded slash, a dot segment, "
                    + "a semicolon, a doubled slash or a control character).";
        }
        return known != null ? known.getReasonPhrase() + "." : "The request failed.";
    }
}

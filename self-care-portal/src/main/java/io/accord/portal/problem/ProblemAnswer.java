package io.accord.portal.problem;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.View;

import io.accord.contracts.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the portal answers a client that asked for JSON rather than a page (a script, {@code curl -H 'Accept:
 * application/json'}): every error as {@code application/problem+json} (RFC 9457: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, and the fields' {@code violations} where a form had them), with
 * the {@code type} URIs of the gateway and the services. Browsers keep getting the HTML pages.
 */
public final class ProblemAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<MediaType> HTML = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);
    private static final MediaType JSON_SUFFIX = MediaType.parseMediaType("application/*+json");

    private ProblemAnswer() {
    }

    /** One field's problem, as the services name them. */
    public record Violation(String field, String message) {
    }

    /**
     * Whether the client prefers JSON to a page: its {@code Accept} header names JSON ({@code application/json},
     * {@code application/problem+json} or another {@code +json} type) with a higher quality than any HTML type it
     * names. Wildcards count for neither, so a browser ({@code text/html,…,*}{@code /*;q=0.8}), htmx and a client
     * that names no type get pages.
     */
    public static boolean prefersJson(HttpServletRequest request) {
        double json = 0;
        double html = 0;
        for (String header : java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            List<MediaType> types;
            try {
                types = MediaType.parseMediaTypes(header);
            } catch (InvalidMediaTypeException unreadable) {
                continue;
            }
            for (MediaType type : types) {
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    continue;
                }
                if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || JSON_SUFFIX.includes(type)) {
                    json = Math.max(json, type.getQualityValue());
                } else if (HTML.stream().anyMatch(type::equalsTypeAndSubtype)) {
                    html = Math.max(html, type.getQualityValue());
                }
            }
        }
        return json > 0 && json > html;
    }

    /** Writes the problem as the whole answer, with its status. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        write(request, response, status, detail, List.of());
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail,
                              List<Violation> violations) throws IOException {
        byte[] body = JSON.writeValueAsBytes(body(status, detail, instance(request), violations));
        response.setStatus(status);
        // JSON is UTF-8 (RFC 8259): no charset parameter
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The problem's JSON, for an answer written where no servlet runs (Tomcat's own error report). */
    public static String json(int status, String detail, String instance) {
        return JSON.writeValueAsString(body(status, detail, instance, List.of()));
    }

    /** The problem as a view, for a page's {@code ModelAndView}: it answers with the response's status. */
    public static View view(String detail, List<Violation> violations) {
        return new View() {
            @Override
            public String getContentType() {
                return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                write(request, response, response.getStatus(), detail, violations);
            }
        };
    }

    static ObjectNode body(int status, String detail, String instance, List<Violation> violations) {
        HttpStatus known = HttpStatus.resolve(status);
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", ProblemTypes.BASE + (status == 400 && !violations.isEmpty() ? "validation-error"
                : slug(status)));
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        if (detail != null && !detail.isBlank()) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (!violations.isEmpty()) {
            var list = problem.putArray("violations");
            violations.forEach(v -> list.addObject().put("field", v.field()).put("message", v.message()));
        }
        return problem;
    }

    /** The path the client asked for (on an error dispatch, the original one). */
    private static String instance(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? original.toString() : request.getRequestURI();
    }

    /** The type slug of a status, the same as the gateway's and the services' ({@code ProblemTypes.slugFor}). */
    private static String slug(int status) {
        return io.accord.contracts.ProblemTypes.slugFor(status);
    }
}

package io.accord.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/** Writes a problem+json body where no controller advice runs (the security filters). */
public class ProblemWriter {

    private final JsonMapper json;
    private final ObjectProvider<ProblemListener> listeners;

    public ProblemWriter(JsonMapper json, ObjectProvider<ProblemListener> listeners) {
        this.json = json;
        this.listeners = listeners;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
                      String detail) throws IOException {
        write(request, response, Problems.of(status, slug, detail));
    }

    /** Writes a problem built with {@link Problems#of}, e.g. one carrying {@code violations}. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(instance(request));
        ProblemBodies.tell(listeners, request, problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The path as sent when it is a valid URI reference; a malformed one (a rejected request) is not repeated. */
    private static URI instance(HttpServletRequest request) {
        try {
            return new URI(request.getRequestURI());
        } catch (URISyntaxException | NullPointerException malformed) {
            return null;
        }
    }
}

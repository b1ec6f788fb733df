package io.accord.portal.gateway;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A 4xx answer to a command sent with {@link Gateway#send}, {@link Gateway#sendFile} or {@link Gateway#sendParts}:
 * besides its status and detail it carries the problem's field {@code violations}, so a form can show each error
 * next to its field (a quote item's characteristic, a CSV row).
 */
public class GatewayProblem extends GatewayException {

    /** The statuses {@link #isForTheForm()} shows at the form. */
    private static final java.util.Set<Integer> FOR_THE_FORM = java.util.Set.of(400, 403, 409, 412, 413, 415, 422);

    private final transient List<Violation> violations;
    private final String slug;
    private final transient JsonNode problem;

    GatewayProblem(int status, String detail, List<Violation> violations, String slug, JsonNode problem) {
        super(status, detail, null);
        this.violations = List.copyOf(violations);
        this.slug = slug;
        this.problem = problem;
    }

    /**
     * One of the problem's own members as text ({@code openDisputeId} of dispute-service's 409 for a line already
     * disputed), empty when it has none.
     */
    public String property(String name) {
        JsonNode value = problem == null ? null : problem.path(name);
        return value == null || !value.isValueNode() || value.isNull() ? "" : value.asString("");
    }

    /**
     * The problem type's slug ({@code four-eyes} of {@code https://accord.dev/problems/four-eyes}, {@code forbidden}
     * for a role that does not allow the operation), empty when the service named none: tells refusals of one
     * status apart.
     */
    public String slug() {
        return slug;
    }

    /** One field's problem; {@code row} is the CSV data row when the input was a file (else {@code null}). */
    public record Violation(String field, String message, Long row) {
    }

    public List<Violation> violations() {
        return violations;
    }

    /** The first message per field (fields in the order the service named them), for a form's inline errors. */
    public java.util.Map<String, String> messagesByField() {
        java.util.Map<String, String> messages = new java.util.LinkedHashMap<>();
        violations.forEach(v -> messages.putIfAbsent(v.field(), v.message()));
        return messages;
    }

    /**
     * Whether a form should show this to the user (its own input or a rule of the service), not an error page: the
     * input's problems (400, 422), a refusal (403, 409), a form filled from a version someone changed since (412,
     * {@link #isStale}), and the file it sent (413 over the service's size limit, 415 a type the service does not
     * take).
     */
    public boolean isForTheForm() {
        return FOR_THE_FORM.contains(status());
    }

    /**
     * The change was sent with {@code If-Match} ({@link Gateway#sendIfMatch}) and someone changed the resource since
     * the form was filled (412 {@code precondition-failed}): nothing was changed; the page shows the current version.
     */
    public boolean isStale() {
        return status() == 412;
    }

    static GatewayProblem of(int status, JsonNode problem) {
        String text = problem.path("detail").asString(problem.path("title").asString(""));
        List<Violation> violations = new ArrayList<>();
        problem.path("violations").forEach(v -> violations.add(new Violation(v.path("field").asString(""),
                v.path("message").asString(""), v.path("row").isNumber() ? v.path("row").asLong() : null)));
        String type = problem.path("type").asString("");
        return new GatewayProblem(status, text.isBlank() ? null : text, violations,
                type.substring(type.lastIndexOf('/') + 1), problem);
    }
}

package io.accord.gateway.apidocs;

import io.accord.gateway.problem.ProblemType;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem+json answers of the gateway's own operations, documented from its own {@link ProblemType}s with an
 * example each, as the services document theirs.
 */
final class ProblemAnswers {

    static final String SCHEMA = "Problem";
    private static final String MEDIA_TYPE = "application/problem+json";

    private record Kind(ProblemType type, String description, String detail) {
    }

    private static final Map<Integer, Kind> KINDS = Map.of(
            400, new Kind(ProblemType.VALIDATION_ERROR,
                    "A query parameter is unknown or has a bad value; `violations` names it",
                    "The parameter 'limit' must be an integer from 1 to 500."),
            401, new Kind(ProblemType.UNAUTHORIZED,
                    "No valid bearer token: log in with Authorize (Keycloak) or send `Authorization: Bearer <token>`",
                    "A valid bearer token is required."),
            403, new Kind(ProblemType.FORBIDDEN, "The token's role does not allow this operation",
                    "Your role does not allow this operation."),
            404, new Kind(ProblemType.NOT_FOUND, "No such resource",
                    "No resource with id 00000000-0000-4000-8000-000000000000."),
            429, new Kind(ProblemType.RATE_LIMITED,
                    "The gateway's rate limit for this caller is spent; retry after `Retry-After` seconds",
                    "Too many requests; retry later."),
            503, new Kind(ProblemType.SERVICE_UNAVAILABLE, "No service answered, or Keycloak could not check the token",
                    "No service answered the audit query: onboarding, catalog, orchestration, rating, settlement,"
                            + " disputes."));

    private ProblemAnswers() {
    }

    /** Whether the gateway documents answers of this status as problems. */
    static boolean knows(String status) {
        return status.matches("\\d{3}") && KINDS.containsKey(Integer.parseInt(status));
    }

    /** The documented answer, keeping a description the operation already gives. */
    static ApiResponse response(String status, String path, String description) {
        Kind kind = KINDS.get(Integer.parseInt(status));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", kind.type().type().toString());
        example.put("title", kind.type().title());
        example.put("status", kind.type().status().value());
        example.put("detail", kind.detail());
        example.put("instance", path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000"));
        example.put("correlationId", "3f1c2a9e-5b7d-4c1e-9a8b-2d6e4f0a1b2c");
        if (kind.type() == ProblemType.VALIDATION_ERROR) {
            example.put("violations", List.of(Map.of("field", "limit", "message", "must be an integer from 1 to 500")));
        }
        return new ApiResponse().description(description == null || description.isBlank() ? kind.description()
                : description).content(new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)).example(example)));
    }

    /** RFC 9457's members as the gateway writes them. */
    static Schema<?> schema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("Stable problem type"));
        properties.put("title", new StringSchema().description("Short summary of the problem type"));
        properties.put("status", new IntegerSchema().description("The HTTP status code"));
        properties.put("detail", new StringSchema().description("What went wrong in this occurrence"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request path"));
        properties.put("correlationId", new StringSchema()
                .description("The X-Correlation-Id of the request, to find it in the logs"));
        properties.put("violations", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema()))
                .description("For 400: each invalid parameter and why"));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.description("An RFC 9457 problem (application/problem+json)")
                .required(List.of("type", "title", "status"));
        return problem;
    }
}

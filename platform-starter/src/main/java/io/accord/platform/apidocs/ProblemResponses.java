package io.accord.platform.apidocs;

import io.accord.contracts.ProblemTypes;
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

/** The problem+json answers every service gives the same way, as documented responses with an example each. */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";

    private record Kind(String slug, String title, String description, String detail) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "400", new Kind("validation-error", "Bad Request",
                    "The request is malformed or a field is invalid; `violations` names each field",
                    "Request is invalid; see violations."),
            "401", new Kind("unauthorized", "Unauthorized",
                    "No valid bearer token: log in with Authorize (Keycloak) or send `Authorization: Bearer <token>`",
                    "A valid bearer token is required."),
            "403", new Kind("forbidden", "Forbidden",
                    "The token's role (or partner) does not allow this operation",
                    "Your role does not allow this operation."),
            "404", new Kind("not-found", "Not Found",
                    "No such resource, or not one the caller may see",
                    "No resource with id 00000000-0000-4000-8000-000000000000."),
            "409", new Kind("conflict", "Conflict",
                    "The resource's state does not allow this now, or a retry with the same Idempotency-Key is still "
                            + "running (`Retry-After`)",
                    "The resource is not in a state that allows this."),
            "412", new Kind("precondition-failed", "Precondition Failed",
                    "If-Match names a version that is no longer current: someone changed the resource since it was "
                            + "read (the answer's ETag is the current one); nothing was changed",
                    "The resource has changed since the version If-Match names; nothing was changed."),
            "413", new Kind("payload-too-large", "Content Too Large",
                    "The upload is larger than the service accepts",
                    "The upload exceeds the maximum size."),
            "415", new Kind("unsupported-media-type", "Unsupported Media Type",
                    "The request's Content-Type (or an uploaded file's content) is not one this operation accepts",
                    "Content-Type 'text/plain' is not supported."),
            "422", new Kind("idempotency-key-reused", "Unprocessable Content",
                    "The request is well-formed but a business rule refuses it, or the Idempotency-Key was used for a "
                            + "different request",
                    "This Idempotency-Key was used for a different request (method, path or body); a new request "
                            + "needs a new key."),
            "429", new Kind("rate-limited", "Too Many Requests",
                    "The gateway's rate limit for this caller is spent; retry after `Retry-After` seconds",
                    "Too many requests; retry later."));

    private ProblemResponses() {
    }

    static Schema<?> schema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
                .description("Stable problem type, " + ProblemTypes.BASE + "<slug>"));
        properties.put("title", new StringSchema().description("Short summary of the problem type"));
        properties.put("status", new IntegerSchema().description("The HTTP status code"));
        properties.put("detail", new StringSchema().description("What went wrong in this occurrence"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request path"));
        properties.put("correlationId", new StringSchema()
                .description("The X-Correlation-Id of the request, to find it in the logs"));
        properties.put("violations", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema()))
                .description("For 400: each invalid field (or header or parameter) and why"));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(properties);
        problem.description("An RFC 9457 problem (application/problem+json)").required(List.of("type", "title", "status"));
        return problem;
    }

    static boolean knows(String status) {
        return KINDS.containsKey(status);
    }

    static ApiResponse response(String status, String path) {
        Kind kind = KINDS.get(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemTypes.BASE + kind.slug());
        example.put("title", kind.title());
        example.put("status", Integer.parseInt(status));
        example.put("detail", kind.detail());
        example.put("instance", path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000"));
        example.put("correlationId", "3f1c2a9e-5b7d-4c1e-9a8b-2d6e4f0a1b2c");
        if ("400".equals(status)) {
            example.put("violations", List.of(Map.of("field", "legalName", "message", "must not be blank")));
        }
        return new ApiResponse().description(kind.description()).content(new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)).example(example)));
    }
}

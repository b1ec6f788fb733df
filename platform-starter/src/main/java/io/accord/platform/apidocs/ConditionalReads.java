package io.accord.platform.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.HashSet;
import java.util.Set;

/**
 * The conditional requests a read of a versioned resource honours, in its API docs: the GET's optional
 * {@code If-Match} (412 when another version is current, {@code IfMatchOnReads}) and {@code If-None-Match} (304
 * without a body while it is current), the {@code ETag} of its 200 and 304. A resource is versioned when an
 * operation at its path, or an action on it ({@code /{id}/contacts}), takes {@code If-Match}: by the starter's
 * {@code EntityTags} contract a resource whose changes compare an {@code ETag} answers its GET with that
 * {@code ETag} (the only place a client reads it from). The 412 itself is listed like every operation's taking
 * {@code If-Match} ({@link ApiDocsConventions#problemsOf}).
 */
final class ConditionalReads {

    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";
    static final String ETAG = "ETag";

    private ConditionalReads() {
    }

    /**
     * The paths of the versioned resources: where an operation takes {@code If-Match}, and, for an action on a
     * resource ({@code PUT /partners/{id}/contacts}, {@code POST /agreement/{id}/proposal}), the resource's path
     * ({@code /partners/{id}}): the If-Match of the action names the ETag its GET answers.
     */
    static Set<String> versionedPaths(Paths paths) {
        Set<String> versioned = new HashSet<>();
        paths.forEach((path, item) -> {
            if (item.readOperations().stream().anyMatch(ConditionalReads::takesIfMatch)) {
                versioned.add(path);
                versioned.add(resourceOf(path));
            }
        });
        return versioned;
    }

    /** The path up to its last variable ({@code /partners/{id}} of {@code /partners/{id}/contacts}), else itself. */
    static String resourceOf(String path) {
        int variable = path.lastIndexOf('}');
        return variable < 0 ? path : path.substring(0, variable + 1);
    }

    static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(parameter ->
                "header".equals(parameter.getIn()) && IF_MATCH.equalsIgnoreCase(parameter.getName()));
    }

    /** Documents a GET (or HEAD) of a versioned resource as conditional; other methods are left as they are. */
    static void document(PathItem.HttpMethod method, Operation operation) {
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            return;
        }
        addHeader(operation, IF_MATCH, "Optional: the ETag of the version last read (e.g. \"3\"); when another"
                + " version is current, 412 with the current ETag instead of the resource");
        addHeader(operation, IF_NONE_MATCH, "Optional: the ETag of the version last read; while it is current,"
                + " 304 without a body");
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        ApiResponse ok = responses.get("200");
        if (ok != null) {
            addETag(ok, "The version of the resource answered: send it as If-Match with a change, 412 when someone"
                    + " changed it since");
        }
        if (!responses.containsKey("304")) {
            responses.addApiResponse("304", addETag(new ApiResponse().description("Not Modified: If-None-Match names"
                    + " the current version; no body"), "The current version (the one If-None-Match named)"));
        }
    }

    private static void addHeader(Operation operation, String name, String description) {
        boolean documented = operation.getParameters() != null && operation.getParameters().stream().anyMatch(
                parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
        if (!documented) {
            operation.addParametersItem(new HeaderParameter().name(name).required(false).description(description)
                    .schema(new StringSchema()));
        }
    }

    private static ApiResponse addETag(ApiResponse response, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(ETAG)) {
            response.addHeaderObject(ETAG, new Header().description(description).schema(new StringSchema()));
        }
        return response;
    }
}

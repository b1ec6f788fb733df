package io.accord.platform.hub;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hub's operations in the API docs, per API: tagged {@code Event hub (<api>)}, and, when a service serves
 * several hubs, their operation ids qualified by the API ({@code registerHubListenerProductOrderingManagement})
 * so that each stays unique (springdoc would otherwise number the copies). The registration of each API gets its own
 * example (a query of event types that API publishes, not another API's, which would subscribe to nothing) and lists
 * its event types.
 */
class HubApiDocs implements GlobalOpenApiCustomizer {

    /** The registration's operation id before {@link #describe} qualifies it. */
    static final String REGISTER = "registerHubListener";
    static final String CALLBACK = "https://partner.example.com/tmf/listener";

    private final List<HubProperties.Api> apis;

    HubApiDocs(HubProperties properties) {
        this.apis = properties.apis();
        // springdoc documents handlers of @RestController beans; HubController is mapped by hand (HubEndpoints)
        SpringDocUtils.getConfig().addRestControllers(HubController.class);
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (HubProperties.Api api : apis) {
            String hub = api.basePath() + "/hub";
            openApi.getPaths().forEach((path, item) -> {
                if (path.equals(hub) || path.startsWith(hub + "/")) {
                    item.readOperations().forEach(operation -> describe(operation, api));
                }
            });
        }
    }

    private void describe(Operation operation, HubProperties.Api api) {
        operation.setTags(List.of("Event hub (" + api.name() + ")"));
        if (operation.getOperationId() != null) {
            String id = operation.getOperationId().replaceAll("_\\d+$", "");
            if (id.equals(REGISTER)) {
                example(operation, api);
            }
            operation.setOperationId(apis.size() == 1 ? id
                    : id + Character.toUpperCase(api.name().charAt(0)) + api.name().substring(1));
        }
    }

    /** The API's own request example, and its event types in the description. */
    private static void example(Operation operation, HubProperties.Api api) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("callback", CALLBACK);
        if (!api.eventTypes().isEmpty()) {
            example.put("query", "eventType=" + String.join(",", api.eventTypes().subList(0,
                    Math.min(2, api.eventTypes().size()))));
            String eventTypes = "Event types of this API (for `query`: `eventType=<type>[,<type>...]`; no "
                    + "query: all of them): " + api.eventTypes().stream().map(type -> "`" + type + "`")
                    .collect(Collectors.joining(", ")) + ".";
            // before what the description says already (the roles, which end it)
            String said = operation.getDescription();
            if (said == null || said.isBlank()) {
                operation.setDescription(eventTypes);
            } else if (!said.startsWith(eventTypes)) {
                operation.setDescription(eventTypes + "\n\n" + said.strip());
            }
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
        }
    }
}

package io.accord.platform.hub;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import java.util.List;

/**
 * The hub's operations in the API docs, per API: tagged {@code Event hub (<api>)}, and, when a service serves
 * several hubs, their operation ids qualified by the API ({@code registerHubListenerProductOrderingManagement})
 * so that each stays unique (springdoc would otherwise number the copies).
 */
class HubApiDocs implements GlobalOpenApiCustomizer {

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
            operation.setOperationId(apis.size() == 1 ? id
                    : id + Character.toUpperCase(api.name().charAt(0)) + api.name().substring(1));
        }
    }
}

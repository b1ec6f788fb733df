package io.accord.gateway.routing;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The Accord services behind the gateway and the paths each one serves (its own API and its TMF APIs). */
enum Service {

    ONBOARDING("onboarding", "/api/onboarding", "/tmf-api/party/**", "/tmf-api/partnershipManagement/**",
            "/tmf-api/agreementManagement/**", "/tmf-api/document/**"),
    CATALOG("catalog", "/api/catalog", "/tmf-api/productCatalogManagement/**"),
    ORCHESTRATION("orchestration", "/api/orchestration", "/tmf-api/quoteManagement/**",
            "/tmf-api/productOrderingManagement/**", "/tmf-api/productInventory/**"),
    RATING("rating", "/api/rating", "/tmf-api/usageManagement/**"),
    SETTLEMENT("settlement", "/api/settlement", "/tmf-api/customerBillManagement/**",
            "/tmf-api/accountManagement/**"),
    DISPUTE("dispute", "/api/disputes", "/tmf-api/troubleTicket/**");

    private final String id;
    private final String apiBasePath;
    private final List<String> paths;

    Service(String id, String apiBasePath, String... tmfPaths) {
        this.id = id;
        this.apiBasePath = apiBasePath;
        this.paths = Stream.concat(Stream.of(apiBasePath + "/**"), Arrays.stream(tmfPaths)).toList();
    }

    /** Route id, and the name in {@code /docs/<id>/v3/api-docs} and in the API docs UI. */
    String id() {
        return id;
    }

    /** The service's own API ({@code accord.platform.api-base-path}), e.g. where its audit trail is. */
    String apiBasePath() {
        return apiBasePath;
    }

    List<String> paths() {
        return paths;
    }

    String docsPath() {
        return "/docs/" + id + "/v3/api-docs";
    }
}

package io.accord.gateway.routing;

import java.util.List;

/** The Accord services behind the gateway and the paths each one serves (its own API and its TMF APIs). */
enum Service {

    ONBOARDING("onboarding", "/api/onboarding/**", "/tmf-api/party/**", "/tmf-api/partnershipManagement/**",
            "/tmf-api/agreementManagement/**", "/tmf-api/document/**"),
    CATALOG("catalog", "/api/catalog/**", "/tmf-api/productCatalogManagement/**"),
    ORCHESTRATION("orchestration", "/api/orchestration/**", "/tmf-api/quoteManagement/**",
            "/tmf-api/productOrderingManagement/**", "/tmf-api/productInventory/**"),
    RATING("rating", "/api/rating/**", "/tmf-api/usageManagement/**"),
    SETTLEMENT("settlement", "/api/settlement/**", "/tmf-api/customerBillManagement/**",
            "/tmf-api/accountManagement/**"),
    DISPUTE("dispute", "/api/disputes/**", "/tmf-api/troubleTicket/**");

    private final String id;
    private final List<String> paths;

    Service(String id, String... paths) {
        this.id = id;
        this.paths = List.of(paths);
    }

    /** Route id, and the name in {@code /docs/<id>/v3/api-docs} and in the API docs UI. */
    String id() {
        return id;
    }

    List<String> paths() {
        return paths;
    }

    String docsPath() {
        return "/docs/" + id + "/v3/api-docs";
    }
}

package io.accord.gateway.routing;

import java.util.List;
import java.util.stream.Stream;

/** The Accord services behind the gateway and the paths each one serves (its own API and its TMF APIs). */
enum Service {

    ONBOARDING("onboarding", "/api/onboarding", List.of("/tmf-api/party/**", "/tmf-api/partnershipManagement/**",
            "/tmf-api/agreementManagement/**", "/tmf-api/document/**"),
            List.of("/tmf-api/document/v4/document", "/tmf-api/document/v4/document/*/version",
                    "/api/onboarding/applications/*/documents")),
    CATALOG("catalog", "/api/catalog", List.of("/tmf-api/productCatalogManagement/**"),
            List.of("/tmf-api/productCatalogManagement/v4/importJob")),
    ORCHESTRATION("orchestration", "/api/orchestration", List.of("/tmf-api/quoteManagement/**",
            "/tmf-api/productOrderingManagement/**", "/tmf-api/productInventory/**"),
            List.of("/api/orchestration/inventory/pools/*/imports")),
    RATING("rating", "/api/rating", List.of("/tmf-api/usageManagement/**"),
            List.of("/tmf-api/usageManagement/v4/usage/batch", "/api/rating/usage/files")),
    SETTLEMENT("settlement", "/api/settlement", List.of("/tmf-api/customerBillManagement/**",
            "/tmf-api/accountManagement/**"), List.of()),
    DISPUTE("dispute", "/api/disputes", List.of("/tmf-api/troubleTicket/**"),
            List.of("/api/disputes/*/attachments"));

    private final String id;
    private final String apiBasePath;
    private final List<String> paths;
    private final List<String> bulkPaths;

    Service(String id, String apiBasePath, List<String> tmfPaths, List<String> bulkPaths) {
        this.id = id;
        this.apiBasePath = apiBasePath;
        this.paths = Stream.concat(Stream.of(apiBasePath + "/**"), tmfPaths.stream()).toList();
        this.bulkPaths = bulkPaths;
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

    /**
     * Bulk writes and uploads (a 10,000-record usage batch, a CDR file, a catalog import, an inventory load,
     * documents and attachments): a subset of {@link #paths()} that may take longer to answer, given
     * {@code accord.gateway.timeouts.bulk-response}.
     */
    List<String> bulkPaths() {
        return bulkPaths;
    }

    String docsPath() {
        return "/docs/" + id + "/v3/api-docs";
    }
}

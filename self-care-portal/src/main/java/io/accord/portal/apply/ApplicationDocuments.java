package io.accord.portal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.anonymous.AnonymousGateway;
import tools.jackson.databind.JsonNode;

/**
 * The documents attached to an application so far, as onboarding lists them to its applicant
 * ({@code GET /api/onboarding/applications/{id}/documents} with the tracking secret, through the gateway's public
 * route): whatever browser attached them. When the list cannot be read (gateway or onboarding down, a 4xx), the
 * application's page still shows, says so, and names no document as missing; the checks still run on submission.
 */
@Component
class ApplicationDocuments {

    static final String PATH = "/api/onboarding/applications/{id}/documents";

    private static final Logger log = LoggerFactory.getLogger(ApplicationDocuments.class);

    private final AnonymousGateway gateway;

    ApplicationDocuments(AnonymousGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * One attached document: its file name and type (TAX_FORM...). Onboarding gives neither size nor upload time; its
     * order is the upload order.
     */
    record Attached(String name, String documentType) {
    }

    /** The application's documents, oldest first, or {@link #unavailable()} (then {@code listed()} is false). */
    record Listed(boolean listed, List<Attached> documents) {

        static Listed unavailable() {
            return new Listed(false, List.of());
        }

        List<String> documentTypes() {
            return documents.stream().map(Attached::documentType).toList();
        }
    }

    Listed of(UUID application, String secret) {
        try {
            JsonNode answer = gateway.get(PATH, Map.of(AnonymousGateway.TRACKING_SECRET, secret), application);
            if (answer == null || !answer.isArray()) {
                throw new RestClientException("not a list of documents: " + answer);
            }
            List<Attached> documents = new ArrayList<>();
            answer.forEach(document -> documents.add(new Attached(document.path("name").asString(""),
                    document.path("documentType").asString(""))));
            return new Listed(true, List.copyOf(documents));
        } catch (GatewayException | RestClientException e) {
            log.warn("The documents of application {} could not be listed ({}); its page names none as missing",
                    application, e.getMessage());
            return Listed.unavailable();
        }
    }
}

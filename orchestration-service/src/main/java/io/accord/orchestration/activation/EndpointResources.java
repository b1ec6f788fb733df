package io.accord.orchestration.activation;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the partner endpoint API. */
final class EndpointResources {

    static final String PATH = "/api/orchestration/partner-endpoints";
    static final String ITEM = PATH + "/{partnerId}";
    static final String ROTATE = ITEM + "/rotate-secret";

    private EndpointResources() {
    }

    /** A partner's registration: WEBHOOK with an https URL, EVENT, or AUTO. */
    record RegisterEndpoint(@NotNull ActivationMode mode, @Size(max = 2000) String url) {
    }

    /**
     * An endpoint; {@code secret} only in the answer that generated it (registration as WEBHOOK, rotation): keep
     * it, it is never shown again.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Endpoint(UUID partnerId, String href, ActivationMode mode, String url, boolean registered, String secret,
                    Instant secretRotatedAt, Instant createdAt, Instant updatedAt) {

        static Endpoint of(EndpointView view, String secret) {
            return new Endpoint(view.partnerId(), PATH + "/" + view.partnerId(), view.mode(), view.url(),
                    view.registered(), secret, view.secretRotatedAt(), view.createdAt(), view.updatedAt());
        }

        static Endpoint of(EndpointView view) {
            return of(view, null);
        }
    }
}

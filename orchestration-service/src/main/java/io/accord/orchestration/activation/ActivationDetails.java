package io.accord.orchestration.activation;

import tools.jackson.databind.JsonNode;

/**
 * Fills in, just before a request goes to the partner, what an activation carries that was not known when its saga
 * started (e.g. the values of resources reserved by an earlier step). A Spring bean of the feature that starts the
 * sagas; it runs outside any transaction and must answer the same for the same input.
 */
public interface ActivationDetails {

    /** The activation as the partner gets it; {@code activation} as the step's payload holds it. */
    JsonNode complete(JsonNode activation);
}

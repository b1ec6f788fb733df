package io.accord.platform.idempotency;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.Objects;
import java.util.stream.Stream;

/** Every POST, PUT and PATCH in a service's API docs names the optional header, so client authors find it. */
class IdempotencyApiDocs implements GlobalOpenApiCustomizer {

    private static final String DESCRIPTION = """
            Makes retrying this write safe: a retry of the same request with the same key gets the first answer \
            again (marked `Idempotency-Replayed: true`) instead of running twice. The same key with a different \
            request answers 422, a retry while the first is still running 409 with `Retry-After`. Use a new random \
            key (a UUID; at least 16 characters) per intended write; keys are remembered for 24 hours by default \
            and belong to the caller (token subject, else `X-Tracking-Secret`). A retry without either gets 409 \
            `idempotency-request-completed` instead of the first answer, which may hold a secret. Answers are kept \
            compressed, up to 4 MB by default (a 10,000-record usage batch's answer takes under 0.5 MB); a \
            successful answer larger still is not run twice either: the retry gets 409 \
            `idempotency-answer-not-kept` (`firstStatus`, `firstLocation`), and the results are read through the \
            API.""";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().stream()
                .flatMap(path -> Stream.of(path.getPost(), path.getPut(), path.getPatch()))
                .filter(Objects::nonNull)
                .filter(IdempotencyApiDocs::lacksTheHeader)
                .forEach(operation -> operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyKey.HEADER).required(false).description(DESCRIPTION)
                        .schema(new StringSchema().minLength(16).maxLength(255))));
    }

    private static boolean lacksTheHeader(Operation operation) {
        return operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(parameter -> IdempotencyKey.HEADER.equalsIgnoreCase(parameter.getName()));
    }
}

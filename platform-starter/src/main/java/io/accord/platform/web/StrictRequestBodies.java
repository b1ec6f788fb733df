package io.accord.platform.web;

import io.accord.platform.time.SupportedTimes;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a member the request record does not know ({@code tradingNmae}) is a 400
 * naming it, never silently dropped. Only the server side (request bodies) is strict: the application's
 * {@link JsonMapper} (events, clients reading other services' answers) stays tolerant, so a producer may add a
 * field without breaking its readers. A record that must accept more (a TMF resource's full schema) says so with
 * {@code @JsonIgnoreProperties}. A time outside {@link SupportedTimes}' range is refused as well, naming its field.
 */
public class StrictRequestBodies implements ServerHttpMessageConvertersCustomizer {

    private final JsonMapper strict;

    public StrictRequestBodies(JsonMapper json) {
        this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(SupportedTimes.module()).build();
    }

    @Override
    public void customize(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
    }
}

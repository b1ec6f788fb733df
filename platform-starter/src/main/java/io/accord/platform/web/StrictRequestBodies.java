package io.accord.platform.web;

import io.accord.platform.time.SupportedTimes;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a member the request record does not know ({@code tradingNmae}) is a 400
 * naming it, never silently dropped. Only the server side (request bodies) is strict: the application's
 * {@link JsonMapper} (events, clients reading other services' answers) stays tolerant, so a producer may add a
 * field without breaking its readers. A record that must accept more (a TMF resource's full schema) says so with
 * {@code @JsonIgnoreProperties}. A time outside {@link SupportedTimes}' range is refused as well, naming its field,
 * and so is a fraction for a whole number ({@code "quantity": 1.5} was read as 1), and a decimal with an exponent
 * ({@code "discountPercent": 1e1}; {@link PlainDecimal}), a number for an enum ({@code "mode": -0} was read as the
 * first constant, {@code "decision": 0} as APPROVE) and a member named twice ({@code {"callback": "a", "callback":
 * "b"}} kept the last one silently; which one the sender meant is not known), a text or a number for a boolean
 * ({@code "isBundle": "false"}), a time that is not a text ({@code "validFrom": 12345} was read as seconds since
 * 1970; {@link SupportedTimes}), and a text no database column holds
 * (an unpaired surrogate, a NUL; {@link StorableStrings}). Answers write every decimal in plain digits, never in
 * scientific notation ({@code BigDecimal.toString()} wrote a quantity of 430 as {@code 4.3E+2}, a zero at 9 decimals
 * as {@code 0E-9}); the application's mapper (events, stored definitions) is left as it is.
 * <p>
 * JSON is the only structured format read or written: the converters Spring registers by classpath detection for
 * YAML, XML, CBOR and Smile are removed (a request in one of them is a 415 naming the accepted types). Found on
 * 2026-12-06: Jackson 2's YAML module, which swagger-core brings, made every service read {@code application/yaml}
 * bodies through a tolerant mapper of its own: unknown fields dropped ({@code currency: USD} on a dispute proposal
 * answered 200 in EUR), none of the strict mapper's checks, and anchors and aliases expanding a small body into
 * millions of values.
 */
public class StrictRequestBodies implements ServerHttpMessageConvertersCustomizer {

    private final JsonMapper strict;

    public StrictRequestBodies(JsonMapper json) {
        this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(tools.jackson.databind.cfg.EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Boolean, booleans -> booleans
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(SupportedTimes.module()).addModule(PlainDecimal.module()).addModule(StorableStrings.module())
                .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    }

    @Override
    public void customize(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
        builder.configureMessageConvertersList(converters -> converters.removeIf(StrictRequestBodies::otherFormat));
    }

    /** Whether the converter reads or writes YAML, XML, CBOR or Smile. */
    static boolean otherFormat(HttpMessageConverter<?> converter) {
        for (MediaType type : converter.getSupportedMediaTypes()) {
            String subtype = type.getSubtype();
            if (subtype.equals("yaml") || subtype.endsWith("+yaml") || subtype.equals("xml")
                    || subtype.endsWith("+xml") || subtype.equals("cbor") || subtype.equals("x-jackson-smile")) {
                return true;
            }
        }
        return false;
    }
}

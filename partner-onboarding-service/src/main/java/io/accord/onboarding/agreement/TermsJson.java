package io.accord.onboarding.agreement;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores {@link AgreementTerms} as a JSONB document. Its own mapper, so the stored format does not change with
 * the web layer's JSON settings; decimals stay exact (BigDecimal both ways).
 */
@Converter
class TermsJson implements AttributeConverter<AgreementTerms, String> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String convertToDatabaseColumn(AgreementTerms terms) {
        return terms == null ? null : JSON.writeValueAsString(terms);
    }

    @Override
    public AgreementTerms convertToEntityAttribute(String json) {
        return json == null ? null : JSON.readValue(json, AgreementTerms.class);
    }
}

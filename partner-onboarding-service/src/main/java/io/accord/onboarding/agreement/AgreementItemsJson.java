package io.accord.onboarding.agreement;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Stores {@link AgreementItems} as a JSONB array, with its own mapper (as {@link TermsJson} does). */
@Converter
class AgreementItemsJson implements AttributeConverter<AgreementItems, String> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String convertToDatabaseColumn(AgreementItems items) {
        return JSON.writeValueAsString(items == null ? List.of() : items.items());
    }

    @Override
    public AgreementItems convertToEntityAttribute(String json) {
        return json == null ? AgreementItems.NONE
                : new AgreementItems(List.of(JSON.readValue(json, AgreementItems.Item[].class)));
    }
}

package io.accord.onboarding.partner;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** A partner's external references as one JSONB document: read whole, never queried inside. */
@Converter
class ExternalReferencesJson implements AttributeConverter<List<ExternalReference>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ExternalReference>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ExternalReference> references) {
        return references == null || references.isEmpty() ? null : JSON.writeValueAsString(references);
    }

    @Override
    public List<ExternalReference> convertToEntityAttribute(String json) {
        return json == null ? List.of() : JSON.readValue(json, LIST);
    }
}

package io.accord.onboarding.application;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The application's form and check results are stored as JSON text: read whole, never queried inside. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {
    }

    @Converter
    static class FormConverter implements AttributeConverter<ApplicationForm, String> {

        @Override
        public String convertToDatabaseColumn(ApplicationForm form) {
            return form == null ? null : JSON.writeValueAsString(form);
        }

        @Override
        public ApplicationForm convertToEntityAttribute(String json) {
            return json == null ? null : JSON.readValue(json, ApplicationForm.class);
        }
    }

    @Converter
    static class ChecksConverter implements AttributeConverter<List<RecordedCheck>, String> {

        private static final TypeReference<List<RecordedCheck>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<RecordedCheck> checks) {
            return checks == null ? null : JSON.writeValueAsString(checks);
        }

        @Override
        public List<RecordedCheck> convertToEntityAttribute(String json) {
            return json == null ? List.of() : JSON.readValue(json, TYPE);
        }
    }
}

package io.accord.catalog.offering;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies refuse unknown fields; on TMF paths "unknown" means outside the TMF resource schema. Each TMF
 * request record accepts exactly the attributes the specification defines for its schema (the ones we model as
 * record components, the others listed in {@code @JsonIgnoreProperties}), plus our documented extensions. When
 * the spec or a record changes, this fails and names the difference.
 */
class TmfSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} accepts exactly {2} of {1}")
    @CsvSource({
            "io.accord.catalog.offering.OfferingResources$CreateOffering, TMF620-product-catalog, ProductOffering_Create, relatedParty",
            "io.accord.catalog.offering.OfferingResources$PartyRef, TMF620-product-catalog, RelatedParty, ''"})
    void aTmfRequestAcceptsExactlyItsSchemasAttributes(String record, String spec, String schema,
                                                       String extensions) throws Exception {
        Set<String> accepted = accepted(Class.forName(record));
        Set<String> specified = specified(spec, schema);
        Set<String> ours = extensions.isBlank() ? Set.of() : Set.of(extensions.split(" "));

        assertThat(difference(accepted, specified)).as("accepted by %s beyond %s", record, schema)
                .containsExactlyInAnyOrderElementsOf(ours);
        assertThat(difference(specified, accepted)).as("attributes of %s that %s refuses", schema, record).isEmpty();
    }

    private static Set<String> accepted(Class<?> type) throws NoSuchFieldException {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty renamed = type.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            names.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
        }
        JsonIgnoreProperties ignored = type.getAnnotation(JsonIgnoreProperties.class);
        if (ignored != null) {
            names.addAll(Arrays.asList(ignored.value()));
        }
        return names;
    }

    private static Set<String> specified(String spec, String schema) throws IOException {
        try (InputStream in = TmfSchemaTests.class.getResourceAsStream("/tmf-specs/" + spec + ".json")) {
            JsonNode properties = JSON.readTree(in).path("definitions").path(schema).path("properties");
            assertThat(properties.isObject()).as("%s in %s", schema, spec).isTrue();
            return new TreeSet<>(properties.propertyNames());
        }
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }
}

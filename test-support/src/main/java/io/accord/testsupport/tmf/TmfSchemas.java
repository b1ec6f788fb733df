package io.accord.testsupport.tmf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies refuse unknown fields; on TMF paths "unknown" means outside the TMF resource schema. A TMF request
 * record must accept exactly the attributes the specification defines for its schema (the ones it models as record
 * components, the others listed in {@code @JsonIgnoreProperties}), plus the service's documented extensions. The
 * specifications (TM Forum swagger files) are the copies under {@code tmf-specs/} in this module.
 */
public final class TmfSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TmfSchemas() {
    }

    /**
     * Fails naming the difference when {@code record} accepts more (beyond {@code extensions}) or less than
     * {@code schema} of the specification file {@code tmf-specs/<spec>.json} defines.
     */
    public static void assertAcceptsExactly(String record, String spec, String schema, String extensions)
            throws ReflectiveOperationException {
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

    private static Set<String> specified(String spec, String schema) {
        try (InputStream in = TmfSchemas.class.getResourceAsStream("/tmf-specs/" + spec + ".json")) {
            assertThat(in).as("tmf-specs/%s.json in test-support", spec).isNotNull();
            JsonNode properties = JSON.readTree(in).path("definitions").path(schema).path("properties");
            assertThat(properties.isObject()).as("%s in %s", schema, spec).isTrue();
            return new TreeSet<>(properties.propertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> result = new TreeSet<>(left);
        result.removeAll(right);
        return result;
    }
}

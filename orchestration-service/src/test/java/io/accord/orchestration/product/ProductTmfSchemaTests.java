package io.accord.orchestration.product;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each TMF637 attribute Accord shows is named as the specification names it, or is a documented extension. */
class ProductTmfSchemaTests {

    private static final JsonNode DEFINITIONS = definitions();

    @ParameterizedTest(name = "{0} shows {1}'s attributes and the extensions {2}")
    @CsvSource({
            "ProductResource, Product, statusReason suspendedBy offeringVersion categoryCode subscriberIdentifier",
            "ProductPrice, ProductPrice, prorationPolicy productOffering",
            "Price, Price, ''",
            "Money, Money, ''",
            "Characteristic, Characteristic, ''",
            "ResourceRef, ResourceRef, ''",
            "Party, RelatedParty, ''",
            "OrderItemRef, RelatedProductOrderItem, ''",
            "Relationship, ProductRelationship, ''",
            "Ref, ProductOfferingRef, ''"})
    void aResourceRecordUsesOnlyTheSchemasAttributesAndDocumentedExtensions(String record, String schema,
                                                                            String extensions) throws Exception {
        Class<?> type = Class.forName(ProductResources.class.getName() + "$" + record);
        Set<String> allowed = new HashSet<>();
        DEFINITIONS.path(schema).path("properties").propertyNames().forEach(allowed::add);
        assertThat(allowed).as("schema " + schema).isNotEmpty();
        allowed.addAll(Arrays.stream(extensions.split(" ")).filter(name -> !name.isBlank()).toList());

        assertThat(names(type)).isSubsetOf(allowed);
    }

    @Test
    void everyStatusIsATmf637ProductStatus() {
        List<String> statuses = DEFINITIONS.path("ProductStatusType").path("enum").valueStream()
                .map(value -> value.asString().strip()).toList();

        assertThat(Arrays.stream(ProductState.values()).map(ProductState::tmf)).allMatch(statuses::contains);
    }

    private static List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(ProductTmfSchemaTests::jsonName).toList();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            try {
                property = component.getDeclaringRecord().getDeclaredField(component.getName())
                        .getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException impossible) {
                property = null;
            }
        }
        return property != null ? property.value() : component.getName();
    }

    private static JsonNode definitions() {
        try (InputStream in = ProductTmfSchemaTests.class.getResourceAsStream(
                "/tmf-specs/TMF637-product-inventory.json")) {
            return JsonMapper.builder().build().readTree(in).path("definitions");
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}

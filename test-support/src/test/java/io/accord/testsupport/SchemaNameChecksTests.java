package io.accord.testsupport;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Java types behind one schema name make the API docs show one shape for both: the check names them. */
class SchemaNameChecksTests {

    private static final List<ModelConverter> SWAGGER = ModelConverters.getInstance(true).getConverters();

    static final class Orders {
        record ItemView(String id, int quantity) {
        }

        record OrderView(String id, List<ItemView> productOrderItem) {
        }
    }

    static final class Quotes {
        record ItemView(String id, String state) {
        }

        record QuoteView(String id, List<ItemView> quoteItem) {
        }

        record QuoteWithOrder(QuoteView quote, Orders.OrderView order) {
        }
    }

    static final class Inventory {
        @Schema(name = "InventoryItem")
        record ItemView(String value, String poolId) {
        }
    }

    private static Map<String, Set<String>> shared(Type... types) {
        return SchemaNameChecks.shared(SchemaNameChecks.typesByName(List.of(types), SWAGGER));
    }

    @Test
    void namesTheTypesOfTwoOperationsThatShareASimpleName() {
        assertThat(shared(Orders.OrderView.class, Quotes.QuoteView.class)).isEqualTo(Map.of("ItemView", Set.of(
                Orders.ItemView.class.getName(), Quotes.ItemView.class.getName())));
    }

    @Test
    void namesThemWhenOneAnswerHoldsBoth() {
        assertThat(shared(Quotes.QuoteWithOrder.class)).containsOnlyKeys("ItemView");
    }

    @Test
    void aSchemaNameTellsThemApartAndOneTypeMayServeManyOperations() {
        Type orders = new ParameterizedTypeReference<List<Orders.OrderView>>() { }.getType();

        assertThat(shared(Orders.OrderView.class, orders, Orders.ItemView.class, Inventory.ItemView.class)).isEmpty();
    }
}

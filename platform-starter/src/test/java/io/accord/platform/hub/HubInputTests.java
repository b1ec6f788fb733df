package io.accord.platform.hub;

import io.accord.platform.problem.InvalidInputException;
import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a subscriber may send: queries, and exactly TMF's EventSubscriptionInput (callbacks: OutboundTargetsTests). */
class HubInputTests {

    @Test
    void theQueryFiltersByEventType() {
        assertThat(EventQuery.eventTypes(null)).isNull();
        assertThat(EventQuery.eventTypes("  ")).isNull();
        assertThat(EventQuery.eventTypes("eventType=ProductOfferingCreateEvent"))
                .containsExactly("ProductOfferingCreateEvent");
        assertThat(EventQuery.eventTypes("eventType=A, B&eventType=C,A")).containsExactly("A", "B", "C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lifecycleStatus=Launched", "eventType=", "eventType=A,,B", "eventType=A;drop",
            "eventType", "eventType=A&name=x"})
    void refusesWhatItCannotFilterByNamingTheQuery(String query) {
        assertThatThrownBy(() -> EventQuery.eventTypes(query)).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.field()).isEqualTo("query"));
    }

    @Test
    void aQueryMayAskOnlyForEventTypesTheApiPublishesAndARefusalListsThem() {
        java.util.List<String> published = java.util.List.of("QuoteCreateEvent", "QuoteStateChangeEvent");

        assertThat(EventQuery.eventTypes("eventType=QuoteStateChangeEvent", published))
                .containsExactly("QuoteStateChangeEvent");
        assertThat(EventQuery.eventTypes(null, published)).isNull();
        assertThatThrownBy(() -> EventQuery.eventTypes("eventType=QuoteCreateEvent,NoSuchEvent", published))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo("query");
                    assertThat(invalid.getMessage()).contains("'NoSuchEvent'")
                            .contains("QuoteCreateEvent, QuoteStateChangeEvent");
                });
        assertThatThrownBy(() -> EventQuery.eventTypes("eventType=A,B", published))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'A', 'B' are not event types");
        assertThat(EventQuery.eventTypes("eventType=NoSuchEvent", java.util.List.of()))
                .as("an API that declares no types").containsExactly("NoSuchEvent");
    }

    @Test
    void acceptsExactlyTheTmfEventSubscriptionInput() throws ReflectiveOperationException {
        TmfSchemas.assertAcceptsExactly(HubRequests.SubscriptionInput.class.getName(), "TMF620-product-catalog",
                "EventSubscriptionInput", "");
    }
}

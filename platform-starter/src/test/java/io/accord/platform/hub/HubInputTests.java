package io.accord.platform.hub;

import io.accord.platform.problem.InvalidInputException;
import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a subscriber may send: callbacks, queries, and exactly TMF's EventSubscriptionInput. */
class HubInputTests {

    private final CallbackPolicy production = new CallbackPolicy(false);
    private final CallbackPolicy development = new CallbackPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://partner.example.com/listener", "https://10.1.2.3:8443/x?y=1",
            "http://localhost:8080/cb", "http://127.0.0.1/cb", "http://127.1.2.3:9/cb", "http://[::1]:9/cb",
            "http://api.localhost/cb"})
    void acceptsHttpsAndPlainHttpToLoopback(String callback) {
        assertThat(production.check(callback).toString()).isEqualTo(callback);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example.com/listener", "http://10.0.0.1/cb", "http://128.0.0.1/cb",
            "http://localhost.example.com/cb", "ftp://partner.example.com/x", "mailto:ops@example.com",
            "/relative", "https://user:secret@partner.example.com/x", "https://partner.example.com/x#frag",
            "https:///no-host", "not a url"})
    void refusesEverythingElseNamingTheCallback(String callback) {
        assertThatThrownBy(() -> production.check(callback)).isInstanceOfSatisfying(InvalidInputException.class,
                invalid -> assertThat(invalid.field()).isEqualTo("callback"));
    }

    @Test
    void developmentMayAllowPlainHttpAnywhere() {
        assertThat(development.check("http://partner.example.com/cb").getHost()).isEqualTo("partner.example.com");
        assertThatThrownBy(() -> development.check("ftp://partner.example.com/cb"))
                .isInstanceOf(InvalidInputException.class);
    }

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
    void acceptsExactlyTheTmfEventSubscriptionInput() throws ReflectiveOperationException {
        TmfSchemas.assertAcceptsExactly(HubRequests.SubscriptionInput.class.getName(), "TMF620-product-catalog",
                "EventSubscriptionInput", "");
    }
}

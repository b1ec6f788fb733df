package io.accord.platform.web;

import io.accord.contracts.Roles;
import io.accord.platform.StarterTestApplication;
import io.accord.platform.StarterTestApplication.Widgets;
import io.accord.testsupport.TestHttp;
import io.accord.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TMF attribute selection: {@code fields=} selects first-level attributes and refuses names the resource lacks. */
@StarterTestApplication.Test
class FieldSelectionTests {

    private final TestHttp ops;

    FieldSelectionTests(@LocalServerPort int port) {
        this.ops = TestHttp.localPort(port).as(TestJwt.staff("olga", Roles.OPS));
    }

    private String widget(String name) {
        TestHttp.Response created = ops.post(Widgets.PATH, "{\"name\":\"" + name + "\",\"colour\":\"red\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void selectsTheNamedAttributesAndWhatIdentifiesTheResource() {
        String id = widget("selected");

        JsonNode selected = ops.get(Widgets.PATH + "/" + id + "?fields=name").json();

        List<String> names = new ArrayList<>();
        selected.propertyNames().forEach(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "href", "name", "@type");
    }

    @Test
    void anAttributeTheResourceDoesNotHaveIsRefusedNamingItAndTheAttributesItHas() {
        String id = widget("unknown-field");

        TestHttp.Response response = ops.get(Widgets.PATH + "/" + id + "?fields=name,bogus");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("violations").get(0).path("field").asString()).isEqualTo("fields");
        assertThat(response.json().path("detail").asString()).contains("'bogus' is not an attribute")
                .contains("@type, colour, href, id, name").doesNotContain("'name'");
    }

    @Test
    void aListNamesEveryUnknownAttribute() {
        widget("listed");

        TestHttp.Response response = ops.get(Widgets.PATH + "?fields=colour,nope,relatedParty.id");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("detail").asString())
                .contains("'nope', 'relatedParty.id' are not attributes");
        assertThat(ops.get(Widgets.PATH + "?fields=colour").status()).isEqualTo(200);
    }

    @Test
    void aWriteWithAnUnknownAttributeIsRefusedBeforeItChangesAnything() {
        String name = "refused-" + UUID.randomUUID();

        TestHttp.Response response = ops.post(Widgets.PATH + "?fields=bogus", "{\"name\":\"" + name + "\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(ops.get(Widgets.PATH).json().findValuesAsString("name")).doesNotContain(name);
    }

    @Test
    void anOperationAnsweringAMapIsCheckedAgainstTheRepresentationItNames() {
        String map = Widgets.PATH + "/" + widget("as-map") + "/asMap";

        TestHttp.Response selected = ops.get(map + "?fields=colour");
        assertThat(selected.status()).as(selected.toString()).isEqualTo(200);
        assertThat(selected.json().has("colour")).isTrue();
        assertThat(selected.json().has("name")).isFalse();
        TestHttp.Response refused = ops.get(map + "?fields=colour,bogus");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("violations").get(0).path("field").asString()).isEqualTo("fields");
        assertThat(refused.json().path("detail").asString()).contains("'bogus'").contains("@type, colour, href, id, name");
    }
}

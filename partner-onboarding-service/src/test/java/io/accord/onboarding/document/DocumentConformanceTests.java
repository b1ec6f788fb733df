package io.accord.onboarding.document;

import io.accord.contracts.Roles;
import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestJwt;
import io.accord.testsupport.TestMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.onboarding.document.DocumentClient.DOCUMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** TMF667 list rules: attribute filters with fields= and paging headers; a partner with documents stays. */
@AccordServiceTest
class DocumentConformanceTests {

    @LocalServerPort
    int port;

    private String partnerId;
    private DocumentClient partnerAdmin;
    private DocumentClient manager;

    @BeforeEach
    void partner() {
        partnerId = DocumentApiTests.createPartner(port, "Tmf Documents " + UUID.randomUUID());
        partnerAdmin = new DocumentClient(port, TestJwt.partner("pa", partnerId, Roles.PARTNER_ADMIN));
        manager = new DocumentClient(port, TestJwt.staff("pm", Roles.PARTNER_MANAGER));
    }

    private String upload(String name, String type) {
        DocumentClient.Response created = partnerAdmin.upload(new TestMultipart()
                .file("file", "f.pdf", "application/pdf", SampleFiles.PDF)
                .field("documentType", type).field("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void filtersByTopLevelAttributesWithFieldsAndPagingHeaders() {
        String contract = upload("Master agreement", "CONTRACT");
        String certificate = upload("Licence", "CERTIFICATE");
        String second = upload("Licence", "CERTIFICATE");

        DocumentClient.Response byName = partnerAdmin.get(DOCUMENTS + "?name=Licence&fields=name,documentType");
        assertThat(ids(byName)).containsExactly(certificate, second);
        assertThat(byName.header("X-Total-Count")).isEqualTo("2");
        assertThat(byName.json().get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "href", "@type", "name", "documentType");
        assertThat(ids(partnerAdmin.get(DOCUMENTS + "?documentType=CONTRACT&version=1&status=created")))
                .containsExactly(contract);
        assertThat(ids(partnerAdmin.get(DOCUMENTS + "?id=" + second))).containsExactly(second);
        assertThat(ids(manager.get(DOCUMENTS + "?relatedParty.id=" + partnerId + "&name=Licence&@type=Document"
                + "&limit=1&offset=1"))).containsExactly(second);
        assertThat(ids(partnerAdmin.get(DOCUMENTS + "?status=deleted"))).isEmpty();
        assertThat(ids(manager.get(DOCUMENTS + "?relatedParty.id=123"))).isEmpty();
        assertThat(partnerAdmin.get(DOCUMENTS + "?attachment=x").status()).isEqualTo(400);
        assertThat(partnerAdmin.get(DOCUMENTS + "?colour=red").status()).isEqualTo(400);
    }

    @Test
    void anUnknownVersionOfAKnownDocumentIsA404() {
        String id = upload("Versioned", "CONTRACT");

        for (String version : List.of("2", "0", "-1", "null", "abc", "x".repeat(300))) {
            DocumentClient.Response response = partnerAdmin.get(DOCUMENTS + "/" + id + "/version/" + version);
            assertThat(response.status()).as(version).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aPartnerOwningDocumentsCannotBeDeleted() {
        upload("Keep me", "CONTRACT");

        DocumentClient.Response refused = manager.send("DELETE", "/tmf-api/party/v4/organization/" + partnerId,
                "application/json", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("document");
    }

    private static List<String> ids(DocumentClient.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}

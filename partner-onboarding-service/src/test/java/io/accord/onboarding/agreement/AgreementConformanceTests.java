package io.accord.onboarding.agreement;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.accord.onboarding.agreement.AgreementApi.AGREEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/** TMF651 list rules: attribute filters with fields= and paging headers; a partner with agreements stays. */
@AccordServiceTest
class AgreementConformanceTests {

    @LocalServerPort
    int port;

    private AgreementApi api;

    @BeforeEach
    void setUp() {
        api = new AgreementApi(port);
    }

    @Test
    void filtersByTopLevelAttributesWithFieldsAndPagingHeaders() {
        String partner = api.newPartner("Tmf Agreements " + UUID.randomUUID());
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
        String withdrawn = api.draft(partner, start, AgreementFixtures.termsJson());
        assertThat(api.manager.post(AGREEMENTS + "/" + withdrawn + "/termination", "{\"reason\": \"redo\"}")
                .status()).isEqualTo(200);
        String draft = api.draft(partner, start, AgreementFixtures.termsJson());
        String own = "engagedParty.id=" + partner;

        TestHttp.Response drafts = api.manager.get(AGREEMENTS + "?" + own + "&status=DRAFT&fields=status");
        assertThat(ids(drafts)).containsExactly(draft);
        assertThat(drafts.header("X-Total-Count")).isEqualTo("1");
        assertThat(drafts.json().get(0).propertyNames()).containsExactlyInAnyOrder("id", "href", "@type", "status");
        assertThat(ids(api.manager.get(AGREEMENTS + "?" + own + "&status=DRAFT&status=TERMINATED")))
                .containsExactly(withdrawn, draft);
        assertThat(ids(api.manager.get(AGREEMENTS + "?" + own + "&name=Sell-through%20agreement&version=2")))
                .containsExactly(draft);
        assertThat(ids(api.manager.get(AGREEMENTS + "?" + own + "&statusReason=redo&fields=statusReason")))
                .containsExactly(withdrawn);
        assertThat(ids(api.manager.get(AGREEMENTS + "?" + own + "&agreementType=SELL_THROUGH&@baseType=Agreement"
                + "&@type=PartnerAgreement&limit=1&offset=1"))).containsExactly(draft);
        assertThat(api.manager.get(AGREEMENTS + "?" + own + "&@type=PartnerAgreement&limit=1")
                .header("X-Total-Count")).isEqualTo("2");
        assertThat(ids(api.manager.get(AGREEMENTS + "?" + own + "&@type=Agreement"))).isEmpty();
        assertThat(ids(api.manager.get(AGREEMENTS + "?engagedParty.id=null"))).isEmpty();
        assertThat(api.manager.get(AGREEMENTS + "?status=SIGNED").status()).isEqualTo(400);
        assertThat(api.manager.get(AGREEMENTS + "?terms=x").status()).isEqualTo(400);
        assertThat(api.manager.get(AGREEMENTS + "?colour=red").status()).isEqualTo(400);
    }

    @Test
    void aPartnerWithAgreementVersionsCannotBeDeleted() {
        String partner = api.newPartner("Tmf Keep " + UUID.randomUUID());
        api.draft(partner, Instant.now().plus(30, ChronoUnit.DAYS), AgreementFixtures.termsJson());

        TestHttp.Response refused = api.manager.delete("/tmf-api/party/v4/organization/" + partner);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("1 agreement version");
        assertThat(api.manager.get("/tmf-api/party/v4/organization/" + partner).status()).isEqualTo(200);
    }

    private static List<String> ids(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}

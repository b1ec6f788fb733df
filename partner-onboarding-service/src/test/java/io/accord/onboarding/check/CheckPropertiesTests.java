package io.accord.onboarding.check;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The properties bind from the names an operator writes in application.yml, keeping defaults for the rest. */
class CheckPropertiesTests {

    @Test
    void bindsChecksFromConfigurationKeepingTheDefaultsOfUnmentionedTypes() {
        Binder binder = binder(Map.of(
                "accord.onboarding.checks.denylist[0]", "Globex Corporation",
                "accord.onboarding.checks.denylist[1]", "Initech",
                "accord.onboarding.checks.screening-threshold", "0.85",
                "accord.onboarding.checks.required-documents.IOT", "TAX_FORM, CERTIFICATE",
                "accord.onboarding.checks.required-fields.RESELLER", "tradingName"));

        CheckProperties properties = binder.bindOrCreate("accord.onboarding.checks", CheckProperties.class);

        assertThat(properties.denylist()).containsExactly("Globex Corporation", "Initech");
        assertThat(properties.screeningThreshold()).isEqualTo(0.85);
        assertThat(properties.requiredDocuments()).containsEntry(PartnerType.IOT, List.of("TAX_FORM", "CERTIFICATE"))
                .containsEntry(PartnerType.CSP_CARRIER, List.of("CERTIFICATE"));
        assertThat(properties.requiredFields()).containsEntry(PartnerType.RESELLER, List.of("tradingName"))
                .containsEntry(PartnerType.MVNO, List.of("contacts.technical.name", "contacts.technical.email",
                        "contacts.technical.phone"));
        assertThat(properties.commonRequiredDocuments()).containsExactly("TAX_FORM", "BANK_PROOF");
    }

    @Test
    void bindsTheApprovalPolicy() {
        Binder binder = binder(Map.of(
                "accord.onboarding.approval.auto-approve", "OTT_CONTENT/SELL_THROUGH, MVNO/RESELL",
                "accord.onboarding.approval.always-review", "CO_CREATE, RESELL"));

        ApprovalProperties properties = binder.bindOrCreate("accord.onboarding.approval", ApprovalProperties.class);

        assertThat(properties.autoApproved()).extracting(Object::toString)
                .containsExactlyInAnyOrder("OTT_CONTENT/SELL_THROUGH", "MVNO/RESELL");
        assertThat(properties.alwaysReview()).isEqualTo(Set.of(BusinessModel.CO_CREATE, BusinessModel.RESELL));
        assertThat(binder(Map.of()).bindOrCreate("accord.onboarding.approval", ApprovalProperties.class)
                .autoApprove()).containsExactly("OTT_CONTENT/SELL_THROUGH", "RESELLER/RESELL", "IOT/SELL_THROUGH");
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        Binder binder = binder(Map.of("accord.onboarding.checks.screening-threshold", "1.5"));

        assertThatThrownBy(() -> binder.bindOrCreate("accord.onboarding.checks", CheckProperties.class))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("screening-threshold must be in (0, 1], not 1.5");
    }

    @Test
    void configuredAndManagedNamesAreBothScreened() {
        DenylistedName managed = new DenylistedName("Initech", "fraud case 7", "pm-alice", Instant.now());

        assertThat(Denylist.merged(List.of("Globex Corporation", " "), List.of(managed))).containsExactly(
                new DenylistEntry("Globex Corporation", Denylist.CONFIGURED),
                new DenylistEntry("Initech", "denylisted by pm-alice: fraud case 7"));
    }

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }
}

package io.accord.onboarding.check;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;

import java.util.UUID;

/** Applicants for check tests: {@link #clean()} passes every check; change one thing to fail one. */
final class TestApplicants {

    private UUID applicationId = UUID.randomUUID();
    private PartnerType type = PartnerType.OTT_CONTENT;
    private BusinessModel model = BusinessModel.SELL_THROUGH;
    private String legalName = "Streamly Media GmbH";
    private String tradingName = "Streamly";
    private String country = "DE";
    private String taxId = "DE136695976";
    private Address address = new Address("Friedrichstraße 68", null, "Berlin", "10117", "DE");
    private Contact commercial = new Contact("Anna Schmidt", "anna.schmidt@streamly.example", "+49 30 1234567");
    private Contact technical = new Contact("Jonas Weber", "noc@streamly.example", "+49 30 1234568");
    private Contact billing = new Contact("Lea Fischer", "billing@streamly.example", null);
    private String iban = "DE89 3704 0044 0532 0130 00";
    private String bic = "COBADEFFXXX";
    private String currency = "EUR";

    static TestApplicants clean() {
        return new TestApplicants();
    }

    TestApplicants type(PartnerType value) {
        type = value;
        return this;
    }

    TestApplicants model(BusinessModel value) {
        model = value;
        return this;
    }

    TestApplicants legalName(String value) {
        legalName = value;
        return this;
    }

    TestApplicants tradingName(String value) {
        tradingName = value;
        return this;
    }

    TestApplicants country(String value) {
        country = value;
        return this;
    }

    TestApplicants taxId(String value) {
        taxId = value;
        return this;
    }

    TestApplicants address(Address value) {
        address = value;
        return this;
    }

    TestApplicants commercial(Contact value) {
        commercial = value;
        return this;
    }

    TestApplicants technical(Contact value) {
        technical = value;
        return this;
    }

    TestApplicants billing(Contact value) {
        billing = value;
        return this;
    }

    TestApplicants iban(String value) {
        iban = value;
        return this;
    }

    TestApplicants bic(String value) {
        bic = value;
        return this;
    }

    TestApplicants currency(String value) {
        currency = value;
        return this;
    }

    ApplicantData build() {
        return new ApplicantData(applicationId, type, model, legalName, tradingName, country, taxId, address,
                commercial, technical, billing, iban, bic, currency);
    }
}

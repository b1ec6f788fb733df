package io.accord.onboarding.tmf;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each TMF request record accepts exactly the attributes the specification defines for its schema, plus our
 * documented extensions (the last column); see {@link TmfSchemas}. When the spec or a record changes, this fails
 * and names the difference.
 */
class TmfSchemaTests {

    @ParameterizedTest(name = "{0} accepts exactly {2} of {1}")
    @CsvSource({
            "io.accord.onboarding.partner.OrganizationRequests$CreateOrganization, TMF632-party-management, Organization_Create, ''",
            "io.accord.onboarding.partner.OrganizationRequests$ContactMediumInput, TMF632-party-management, ContactMedium, ''",
            "io.accord.onboarding.partner.OrganizationRequests$MediumCharacteristicInput, TMF632-party-management, MediumCharacteristic, ''",
            "io.accord.onboarding.partner.OrganizationRequests$CharacteristicInput, TMF632-party-management, Characteristic, ''",
            "io.accord.onboarding.partner.OrganizationRequests$IdentificationInput, TMF632-party-management, OrganizationIdentification, ''",
            "io.accord.onboarding.partner.ExternalReference, TMF632-party-management, ExternalReference, ''",
            "io.accord.onboarding.partner.IndividualRequests$CreateIndividual, TMF632-party-management, Individual_Create, ''",
            "io.accord.onboarding.partner.IndividualRequests$RelatedPartyInput, TMF632-party-management, RelatedParty, ''",
            "io.accord.onboarding.agreement.AgreementRequests$CreateAgreement, TMF651-agreement, Agreement_Create, terms",
            "io.accord.onboarding.agreement.AgreementRequests$EngagedParty, TMF651-agreement, RelatedParty, ''",
            "io.accord.onboarding.agreement.AgreementRequests$Period, TMF651-agreement, TimePeriod, ''",
            "io.accord.onboarding.agreement.AgreementRequests$Item, TMF651-agreement, AgreementItem, ''",
            "io.accord.onboarding.agreement.AgreementItems$TermOrCondition, TMF651-agreement, AgreementTermOrCondition, ''",
            "io.accord.onboarding.agreement.AgreementItems$ValidFor, TMF651-agreement, TimePeriod, ''"})
    void aTmfRequestAcceptsExactlyItsSchemasAttributes(String record, String spec, String schema,
                                                       String extensions) throws Exception {
        TmfSchemas.assertAcceptsExactly(record, spec, schema, extensions);
    }
}

package io.accord.onboarding.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A TMF651 agreement. Accord extends it (documented by {@code @type} PartnerAgreement, {@code @baseType}
 * Agreement) with {@code terms}, the commercial terms, and {@code inForcePeriod}, when this version actually was
 * or is in force (its {@code agreementPeriod} is what was agreed; a countersignature after the start date, a
 * newer version or a termination shortens it). {@code agreementItem} holds the written terms and conditions the
 * client gave, or, when it gave none, one item pointing to {@code terms} ({@link AgreementItems#shown}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AgreementView(String id, String href, String name, String description, String agreementType,
                     String status, String version, TimePeriod agreementPeriod, List<PartyRef> engagedParty,
                     List<AgreementItems.Item> agreementItem,
                     List<Authorization> agreementAuthorization, SpecificationRef agreementSpecification,
                     Instant initialDate, AgreementTerms terms, TimePeriod inForcePeriod, String statusReason,
                     TermsApproval termsApproval,
                     @JsonProperty("@type") String type, @JsonProperty("@baseType") String baseType) {

    static final String TYPE = "PartnerAgreement";
    static final String ORGANIZATION_PATH = "/tmf-api/party/v4/organization/";

    static AgreementView of(Agreement agreement) {
        String partner = agreement.partnerId().toString();
        return new AgreementView(agreement.id().toString(), AgreementController.PATH + "/" + agreement.id(),
                agreement.name(), agreement.description(), agreement.agreementType().name(),
                agreement.status().name(), String.valueOf(agreement.version()),
                new TimePeriod(agreement.effectiveFrom(), agreement.validUntil()),
                List.of(new PartyRef(partner, ORGANIZATION_PATH + partner, agreement.partnerName(), "Partner",
                        "Organization")),
                agreement.items().shown(),
                agreement.countersignedAt() == null ? null : List.of(new Authorization(agreement.countersignedAt(),
                        "approved", agreement.countersignedBy() == null ? "onboarding policy" : "digital")),
                agreement.templateId() == null ? null : new SpecificationRef(agreement.templateId().toString(),
                        AgreementTemplateController.PATH + "/" + agreement.templateId(), "AgreementTemplate"),
                agreement.createdAt(), agreement.terms(),
                agreement.inForceFrom() == null ? null
                        : new TimePeriod(agreement.inForceFrom(), agreement.inForceUntil()),
                agreement.statusReason(), TermsApproval.of(agreement), TYPE, "Agreement");
    }

    /**
     * The version as the partner's own users see it: its {@code termsApproval} says when the version was proposed
     * and when its terms were approved, but not by whom, nor anything of a send-back (staff's internal review; the
     * reason may quote a negotiating position), as disputes and settlement keep staff names from partners.
     */
    AgreementView forPartner() {
        TermsApproval shown = termsApproval == null ? null : termsApproval.forPartner();
        return new AgreementView(id, href, name, description, agreementType, status, version, agreementPeriod,
                engagedParty, agreementItem, agreementAuthorization, agreementSpecification, initialDate, terms,
                inForcePeriod, statusReason, shown, type, baseType);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimePeriod(Instant startDateTime, Instant endDateTime) {
    }

    record PartyRef(String id, String href, String name, String role,
                    @JsonProperty("@referredType") String referredType) {
    }

    /** The partner's countersignature ({@code signatureRepresentation} digital) or the onboarding policy's. */
    record Authorization(Instant date, String state, String signatureRepresentation) {
    }

    /**
     * Accord's extension: the four-eyes approval of a proposed version's terms by a second CSP user (or the
     * onboarding policy for an unchanged template), before the partner countersigns; {@code proposedBy} who
     * proposed it and {@code proposedAt} when (the terms wait for approval since then); {@code approvedBy} and
     * {@code approvedAt} who approved them and when; {@code sentBackBy}, {@code sentBackAt} and
     * {@code sentBackReason} who last sent the version back to its proposer for changes (it was a DRAFT again),
     * when and why. Null for a draft never proposed. Partners see only when ({@link #forPartner}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TermsApproval(String proposedBy, Instant proposedAt, Instant approvedAt, String approvedBy,
                         Instant sentBackAt, String sentBackBy, String sentBackReason) {

        /** Without staff names and send-back; null when nothing is left to show. */
        TermsApproval forPartner() {
            return proposedAt == null && approvedAt == null ? null
                    : new TermsApproval(null, proposedAt, approvedAt, null, null, null, null);
        }

        static TermsApproval of(Agreement agreement) {
            return agreement.proposedBy() == null && agreement.proposedAt() == null
                    && agreement.termsApprovedAt() == null && agreement.sentBackAt() == null ? null
                    : new TermsApproval(agreement.proposedBy(), agreement.proposedAt(), agreement.termsApprovedAt(),
                    agreement.termsApprovedBy(), agreement.sentBackAt(), agreement.sentBackBy(),
                    agreement.sentBackReason());
        }
    }

    record SpecificationRef(String id, String href, @JsonProperty("@referredType") String referredType) {
    }
}

package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.Individual.IndividualDetails;
import io.accord.onboarding.partner.IndividualRequests.RelatedPartyInput;
import io.accord.onboarding.partner.OrganizationRequests.ContactMediumInput;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** A partner's contact persons (TMF632 individuals): staff manage every partner's, a partner only its own. */
@Service
class IndividualService {

    static final String RESOURCE_TYPE = "individual";

    private final IndividualRepository individuals;
    private final PartnerRepository partners;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    IndividualService(IndividualRepository individuals, PartnerRepository partners, AuditTrail audit,
                      Tenancy tenancy, Clock clock) {
        this.clock = clock;
        this.individuals = individuals;
        this.partners = partners;
        this.audit = audit;
        this.tenancy = tenancy;
    }

    @Transactional
    Individual create(IndividualRequests.CreateIndividual request) {
        Partner partner = employer(request.relatedParty());
        requireNotTerminated(partner);
        Individual individual = Individual.of(partner.id(), details(request.givenName(), request.familyName(),
                request.contactMedium()), clock.instant());
        individuals.save(individual);
        audit.recordWithoutPersonalData(partner.partnerId(), RESOURCE_TYPE, individual.id().toString(), "created",
                null, individual.details(), IndividualDetails.PERSONAL);
        return individual;
    }

    /** 412 when {@code ifMatch} names another version than the current one. */
    @Transactional
    Individual change(UUID id, IfMatch ifMatch, IndividualRequests.ChangeIndividual change) {
        Individual individual = get(id);
        ifMatch.check(individual.version(), "Individual " + id);
        requireNotTerminated(partners.getReferenceById(individual.partnerId().value()));
        IndividualDetails before = individual.details();
        individual.change(details(change.givenName(), change.familyName(), change.contactMedium()), clock.instant());
        audit.recordWithoutPersonalData(individual.partnerId(), RESOURCE_TYPE, id.toString(), "changed", before,
                individual.details(), IndividualDetails.PERSONAL);
        return individual;
    }

    /**
     * GDPR Art. 17: erases a contact person of a TERMINATED partner (its names, e-mail and phone; the record stays),
     * audited as {@code erased} naming the erased fields, not their values. Again on an erased one changes nothing.
     *
     * 412 when {@code ifMatch} names another version than the current one.
     *
     * @throws ConflictException (409) while the partner is not TERMINATED: its contacts are changed, not erased
     */
    @Transactional
    Individual erase(UUID id, IfMatch ifMatch) {
        Individual individual = get(id);
        ifMatch.check(individual.version(), "Individual " + id);
        Partner partner = partners.getReferenceById(individual.partnerId().value());
        if (partner.status() != PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + partner.id() + " is " + partner.status() + ": the personal data"
                    + " of its contacts is erased once it is TERMINATED; until then change the contact (PATCH)");
        }
        IndividualDetails before = individual.details();
        if (individual.erase(clock.instant())) {
            audit.recordWithoutPersonalData(individual.partnerId(), RESOURCE_TYPE, id.toString(), "erased", before,
                    individual.details(), IndividualDetails.PERSONAL);
        }
        return individual;
    }

    @Transactional(readOnly = true)
    Individual get(UUID id) {
        return tenancy.visible(individuals.findById(id), Individual::partnerId)
                .orElseThrow(() -> new NotFoundException("Individual", id));
    }

    /** Staff list every partner's contacts (or one partner's); a partner only its own. */
    @Transactional(readOnly = true)
    Page<Individual> list(UUID partnerId, Specification<Individual> criteria, Pageable page) {
        UUID partner = partnerId;
        if (!tenancy.isStaff()) {
            Optional<UUID> own = tenancy.partnerId().map(PartnerId::value);
            if (own.isEmpty() || (partnerId != null && !own.get().equals(partnerId))) {
                return Page.empty(page);
            }
            partner = own.get();
        }
        if (partner == null) {
            return individuals.findAll(criteria, page);
        }
        UUID scope = partner;
        return individuals.findAll(criteria.and((root, query, builder) -> builder.equal(root.get("partnerId"), scope)),
                page);
    }

    /** The name of an individual's organization as the individual's relatedParty shows it. */
    @Transactional(readOnly = true)
    String organizationName(Individual individual) {
        return partners.findById(individual.partnerId().value()).map(Partner::legalName).orElse(null);
    }

    private Partner employer(List<RelatedPartyInput> related) {
        if (related == null || related.isEmpty()) {
            PartnerId own = tenancy.isStaff() ? null : tenancy.partnerId().orElse(null);
            if (own == null) {
                throw new InvalidInputException("relatedParty", "relatedParty must name the individual's "
                        + "organization (@referredType Organization)");
            }
            return partners.findById(own.value()).orElseThrow(() -> new NotFoundException("Organization", own));
        }
        RelatedPartyInput party = related.getFirst();
        if (party.referredType() != null && !"Organization".equals(party.referredType())) {
            throw new InvalidInputException("relatedParty[0].@referredType", "must be Organization");
        }
        try {
            PartnerId id = PartnerId.of(party.id().strip());
            return tenancy.visible(partners.findById(id.value()), Partner::partnerId).orElseThrow();
        } catch (IllegalArgumentException | NoSuchElementException unknown) {
            throw new InvalidInputException("relatedParty[0].id", "no organization " + party.id());
        }
    }

    private static void requireNotTerminated(Partner partner) {
        if (partner.status() == PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + partner.id() + " is TERMINATED: its contacts are kept as they were"
                    + " until they are erased (a platform admin's DELETE, or after the retention)");
        }
    }

    private static IndividualDetails details(String givenName, String familyName, List<ContactMediumInput> media) {
        String email = null;
        String phone = null;
        for (int i = 0; media != null && i < media.size(); i++) {
            ContactMediumInput medium = media.get(i);
            String field = "contactMedium[" + i + "]";
            switch (medium.mediumType().strip().toLowerCase(Locale.ROOT)) {
                case "email" -> email = once(field, "emailAddress", email, medium.characteristic().emailAddress());
                case "phone", "telephone", "mobile" ->
                        phone = once(field, "phoneNumber", phone, medium.characteristic().phoneNumber());
                default -> throw new InvalidInputException(field + ".mediumType",
                        "an individual's mediumType is email or phone");
            }
        }
        return new IndividualDetails(givenName == null || givenName.isBlank() ? null : givenName.strip(),
                familyName.strip(), email, phone);
    }

    private static String once(String field, String attribute, String previous, String value) {
        if (previous != null) {
            throw new InvalidInputException(field, "at most one " + attribute);
        }
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field + ".characteristic." + attribute, attribute + " is required");
        }
        return value.strip();
    }
}

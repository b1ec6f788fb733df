package io.accord.onboarding.partner;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * GDPR Art. 15: everything this service stores about one contact person, found by an individual's id or by e-mail
 * (any case): the individuals, the organizations' contact persons with that e-mail, and the ids of the audit entries
 * that name them (entries about the individuals, and entries whose states or actor contain the e-mail).
 */
@Service
class PersonalData {

    /** Audit entries about these individuals, or naming this e-mail in their states or as their actor. */
    private static final String AUDIT_ENTRIES = """
            select id from audit_event
            where (resource_type = :type and resource_id in (:ids))
               or (cast(:email as text) is not null
                   and (lower(actor) = cast(:email as text)
                        or position(cast(:email as text) in lower(coalesce(cast(before_state as text), ''))) > 0
                        or position(cast(:email as text) in lower(coalesce(cast(after_state as text), ''))) > 0))
            order by id""";

    private final IndividualRepository individuals;
    private final PartnerRepository partners;
    private final JdbcClient jdbc;
    private final List<PersonalDataSource> sources;

    PersonalData(IndividualRepository individuals, PartnerRepository partners, JdbcClient jdbc,
                 List<PersonalDataSource> sources) {
        this.individuals = individuals;
        this.partners = partners;
        this.jdbc = jdbc;
        this.sources = sources;
    }

    /**
     * What an access request answers; {@code individuals} as the TMF632 API shows them; {@code elsewhere} what the
     * other features keep under the e-mail, by section ({@code keycloakUsers}, {@code applications}).
     */
    record Export(String email, List<IndividualResource> individuals, List<OrganizationContact> organizationContacts,
                  Map<String, List<?>> elsewhere, List<Long> auditEntryIds, String notCovered) {
    }

    /** A contact person of a partner's organization (commercial, technical or billing) with the e-mail asked for. */
    record OrganizationContact(UUID partnerId, String partnerName, String role, String name, String email,
                               String phone) {
    }

    static final String NOT_COVERED = "Logs, Kafka topics and rating/settlement subscriber ids are not part of this"
            + " export; see docs/personal-data.md";

    @Transactional(readOnly = true)
    Export export(UUID individualId, String email) {
        if ((individualId == null) == (email == null || email.isBlank())) {
            throw new InvalidInputException("individualId", "give either individualId or email");
        }
        List<Individual> found = new ArrayList<>();
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        if (individualId != null) {
            Individual individual = individuals.findById(individualId)
                    .orElseThrow(() -> new NotFoundException("Individual", individualId));
            found.add(individual);
            address = individual.details().email() == null ? null
                    : individual.details().email().toLowerCase(Locale.ROOT);
        }
        if (address != null) {
            for (Individual individual : individuals.findByEmailIgnoreCase(address)) {
                if (found.stream().noneMatch(known -> known.id().equals(individual.id()))) {
                    found.add(individual);
                }
            }
        }
        Map<UUID, String> names = new LinkedHashMap<>();
        List<IndividualResource> resources = found.stream().map(individual -> IndividualResource.of(individual,
                names.computeIfAbsent(individual.partnerId().value(), id -> partners.findById(id)
                        .map(Partner::legalName).orElse(null)))).toList();
        List<OrganizationContact> contacts = address == null ? List.of() : organizationContacts(address);
        List<String> ids = found.stream().map(individual -> individual.id().toString()).toList();
        List<Long> entries = jdbc.sql(AUDIT_ENTRIES).param("type", IndividualService.RESOURCE_TYPE)
                .param("ids", ids.isEmpty() ? List.of("") : ids).param("email", address)
                .query(Long.class).list();
        Map<String, List<?>> elsewhere = new TreeMap<>();
        StringBuilder notCovered = new StringBuilder(NOT_COVERED);
        for (PersonalDataSource source : sources) {
            if (source.notConsulted() != null) {
                notCovered.append("; ").append(source.name()).append(" not consulted: ").append(source.notConsulted());
            } else {
                elsewhere.put(source.name(), address == null ? List.of() : source.findByEmail(address));
            }
        }
        return new Export(address, resources, contacts, elsewhere, entries, notCovered.toString());
    }

    private List<OrganizationContact> organizationContacts(String address) {
        List<OrganizationContact> contacts = new ArrayList<>();
        for (Partner partner : partners.findByContactEmail(address)) {
            add(contacts, partner, "commercial", partner.commercial(), address);
            add(contacts, partner, "technical", partner.technical(), address);
            add(contacts, partner, "billing", partner.billing(), address);
        }
        return contacts;
    }

    private static void add(List<OrganizationContact> contacts, Partner partner, String role, ContactPerson contact,
                            String address) {
        if (contact != null && contact.email() != null && contact.email().equalsIgnoreCase(address)) {
            contacts.add(new OrganizationContact(partner.id(), partner.legalName(), role, contact.name(),
                    contact.email(), contact.phone()));
        }
    }
}

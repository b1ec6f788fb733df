package io.accord.onboarding.partner;

import io.accord.onboarding.partner.Individual.IndividualDetails;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.scheduling.JobItems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR Art. 17 for a TERMINATED partner's contacts: the organization's contact persons and its individuals lose
 * their names, e-mails and phones (the records stay for what refers to them), on a platform admin's request or
 * when the retention after termination ran out ({@link ContactRetentionJob}). Audited by field name, never value.
 */
@Service
class ContactErasure {

    /** Terminated partners whose contacts are due for erasure, oldest termination first, put-off ones left out. */
    private static final String DUE = """
            select p.id from partner p
            where p.status = 'TERMINATED' and p.contacts_erased_at is null and p.terminated_at <= :cutoff
              and %s
            order by p.terminated_at, p.id
            limit :limit""".formatted(JobItems.notPutOff(ContactRetentionJob.LOCK, "p.id"));

    private final PartnerRepository partners;
    private final IndividualRepository individuals;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final JobItems jobItems;
    private final RetentionProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher localEvents;

    ContactErasure(PartnerRepository partners, IndividualRepository individuals, AuditTrail audit, JdbcClient jdbc,
                   JobItems jobItems, RetentionProperties properties, Clock clock,
                   ApplicationEventPublisher localEvents) {
        this.localEvents = localEvents;
        this.partners = partners;
        this.individuals = individuals;
        this.audit = audit;
        this.jdbc = jdbc;
        this.jobItems = jobItems;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Erases the partner's contacts and, by {@link PartnerContactsErased} in this transaction, its application's
     * contacts and personal documents and (by the identity worker, afterwards) its Keycloak users. Again erases what
     * was added since (users made by hand in Keycloak).
     *
     * @return how many contacts (the organization's contact persons as one, each individual) had data erased
     * @throws io.accord.platform.problem.ConflictException (409) while the partner is not TERMINATED
     */
    @Transactional
    int erase(UUID partnerId) {
        Partner partner = partners.findById(partnerId).orElseThrow(() -> new NotFoundException("Partner", partnerId));
        Instant now = clock.instant();
        PartnerView before = PartnerView.of(partner);
        int erased = 0;
        if (partner.eraseContacts(now)) {
            audit.recordWithoutPersonalData(partner.partnerId(), "partner", partnerId.toString(), "contacts-erased",
                    before, PartnerView.of(partner), PartnerView.PERSONAL);
            erased++;
        }
        for (Individual individual : individuals.findByPartnerId(partnerId)) {
            IndividualDetails old = individual.details();
            if (individual.erase(now)) {
                audit.recordWithoutPersonalData(partner.partnerId(), IndividualService.RESOURCE_TYPE,
                        individual.id().toString(), "erased", old, individual.details(), IndividualDetails.PERSONAL);
                erased++;
            }
        }
        localEvents.publishEvent(new PartnerContactsErased(partner.partnerId(), now));
        return erased;
    }

    /**
     * One round of the retention job at {@code now}: each partner terminated longer than the retention ago whose
     * contacts are not erased yet, in its own transaction ({@link JobItems}).
     *
     * @return how many contacts it erased
     */
    int eraseDue(Instant now) {
        List<UUID> due = jdbc.sql(DUE)
                .param("cutoff", Timestamp.from(now.minus(properties.contactsAfterTermination())))
                .param("limit", properties.erasureBatchSize()).query(UUID.class).list();
        return jobItems.each(ContactRetentionJob.LOCK, due, id -> id, this::erase).changed();
    }
}

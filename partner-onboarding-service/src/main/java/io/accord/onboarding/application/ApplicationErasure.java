package io.accord.onboarding.application;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.document.DocumentOwner;
import io.accord.onboarding.document.Documents;
import io.accord.onboarding.partner.PartnerContactsErased;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.scheduling.JobItems;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GDPR Art. 17 for applications (docs/personal-data.md): the form's contact persons lose name, e-mail and phone, the
 * checks stop quoting their names, and the uploaded personal documents are deleted. With a TERMINATED partner's
 * contacts (in that erasure's transaction), for a REJECTED application on a platform admin's request, and by
 * {@link ApplicationRetentionJob} once the rejection is older than the retention or an application waiting for its
 * applicant expired after the retention without a change. Audited by field name only.
 */
@Service
class ApplicationErasure {

    static final String RESOURCE = "application";

    /** Rejected applications whose contacts are due for erasure, oldest decision first, put-off ones left out. */
    private static final String DUE = """
            select a.id from partner_application a
            where a.status = 'REJECTED' and a.contacts_erased_at is null and a.decided_at <= :cutoff
              and %s
            order by a.decided_at, a.id
            limit :limit""".formatted(JobItems.notPutOff(ApplicationRetentionJob.LOCK, "a.id"));

    /** Applications waiting for their applicant with no change since the cutoff, longest left alone first. */
    private static final String INACTIVE = """
            select a.id from partner_application a
            where a.status in ('DRAFT', 'INFO_REQUESTED') and a.updated_at <= :cutoff
              and %s
            order by a.updated_at, a.id
            limit :limit""".formatted(JobItems.notPutOff(ApplicationRetentionJob.LOCK, "a.id"));

    private final ApplicationRepository applications;
    private final Documents documents;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final JobItems jobItems;
    private final ApplicationRetentionProperties properties;
    private final Clock clock;

    ApplicationErasure(ApplicationRepository applications, Documents documents, AuditTrail audit, JdbcClient jdbc,
                       JobItems jobItems, ApplicationRetentionProperties properties, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.audit = audit;
        this.jdbc = jdbc;
        this.jobItems = jobItems;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A platform admin erases a REJECTED application's contacts and personal documents; again changes nothing (an
     * EXPIRED one's are erased already).
     *
     * @return 1 when anything was erased, else 0
     * @throws io.accord.platform.problem.ConflictException (409) for an application not REJECTED (an approved one
     *                                                      goes with its partner's contacts)
     */
    @Transactional
    int erase(UUID applicationId) {
        PartnerApplication application = applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("Application", applicationId));
        return erase(application, false);
    }

    /** The partner's contacts were erased: so are those of the application it came from, in that transaction. */
    @EventListener
    void on(PartnerContactsErased erased) {
        for (PartnerApplication application : applications.findByPartnerId(erased.partnerId().value())) {
            erase(application, true);
        }
        documents.erasePersonal(DocumentOwner.partner(erased.partnerId()));
    }

    /**
     * One round of the retention job at {@code now}: each application rejected longer than the retention ago whose
     * contacts are not erased yet, in its own transaction ({@link JobItems}).
     *
     * @return how many applications it erased
     */
    int eraseDue(Instant now) {
        List<UUID> due = jdbc.sql(DUE)
                .param("cutoff", Timestamp.from(now.minus(properties.afterRejection())))
                .param("limit", properties.batchSize()).query(UUID.class).list();
        return jobItems.each(ApplicationRetentionJob.LOCK, due, id -> id, this::erase).changed();
    }

    /**
     * One round of the retention job at {@code now} for open applications: each one waiting for its applicant with no
     * change for longer than the retention expires and loses its contacts and personal documents, in its own
     * transaction ({@link JobItems}).
     *
     * @return how many applications it expired
     */
    int expireInactive(Instant now) {
        Instant cutoff = now.minus(properties.afterInactivity());
        List<UUID> due = jdbc.sql(INACTIVE).param("cutoff", Timestamp.from(cutoff))
                .param("limit", properties.batchSize()).query(UUID.class).list();
        return jobItems.each(ApplicationRetentionJob.LOCK, due, id -> id, id -> expire(id, cutoff)).changed();
    }

    private int expire(UUID applicationId, Instant inactiveSince) {
        PartnerApplication application = applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("Application", applicationId));
        ApplicationView before = ApplicationView.forAudit(application);
        Duration idle = properties.afterInactivity();
        String reason = "expired: no change for " + (idle.toSeconds() % 86_400 == 0 ? idle.toDays() + " days" : idle)
                + " while waiting for the applicant; its contacts and personal documents were erased. Apply again to"
                + " go on.";
        if (!application.expire(inactiveSince, ApplicationRetentionJob.LOCK, reason, clock.instant())) {
            return 0;
        }
        applications.save(application);
        audit.recordWithoutPersonalData(null, RESOURCE, application.id().toString(), "expired", before,
                ApplicationView.forAudit(application), ApplicationService.PERSONAL);
        erase(application, false);
        return 1;
    }

    private int erase(PartnerApplication application, boolean partnerTerminated) {
        ApplicationView before = ApplicationView.forAudit(application);
        boolean changed = application.eraseContacts(partnerTerminated, clock.instant());
        applications.save(application);
        boolean papers = !documents.erasePersonal(DocumentOwner.application(application.id())).isEmpty();
        if (changed) {
            audit.recordWithoutPersonalData(application.partnerId() == null ? null
                            : new PartnerId(application.partnerId()), RESOURCE, application.id().toString(),
                    "contacts-erased", before, ApplicationView.forAudit(application), ApplicationService.PERSONAL);
        }
        return changed || papers ? 1 : 0;
    }
}

package io.accord.onboarding.partner;

import io.accord.contracts.value.PartnerId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A contact person of a partner (a TMF632 individual whose relatedParty is the partner's organization). */
@Entity
@Table(name = "partner_individual")
class Individual {

    @Id
    private UUID id;
    private UUID partnerId;
    private String givenName;
    private String familyName;
    private String email;
    private String phone;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant erasedAt;
    @Version
    private long version;

    protected Individual() {
    }

    static Individual of(UUID partnerId, IndividualDetails details, Instant now) {
        Individual individual = new Individual();
        individual.id = UUID.randomUUID();
        individual.partnerId = partnerId;
        individual.createdAt = now;
        individual.change(details, now);
        return individual;
    }

    void change(IndividualDetails details, Instant now) {
        this.givenName = details.givenName();
        this.familyName = details.familyName();
        this.email = details.email();
        this.phone = details.phone();
        this.updatedAt = now;
    }

    /**
     * Erases the personal data (GDPR Art. 17): the family name becomes {@link Partner#ERASED}, the given name, e-mail
     * and phone go; the record stays for what refers to it. The caller checks that its partner is TERMINATED.
     *
     * @return whether anything was left to erase
     */
    boolean erase(Instant now) {
        if (erasedAt != null) {
            return false;
        }
        change(new IndividualDetails(null, Partner.ERASED, null, null), now);
        erasedAt = now;
        return true;
    }

    boolean erased() {
        return erasedAt != null;
    }

    UUID id() {
        return id;
    }

    /** The optimistic-lock version: its TMF632 individual's ETag (platform-starter's EntityTags). */
    long version() {
        return version;
    }

    PartnerId partnerId() {
        return new PartnerId(partnerId);
    }

    IndividualDetails details() {
        return new IndividualDetails(givenName, familyName, email, phone);
    }

    /** What a client gives and may change of an individual. */
    record IndividualDetails(String givenName, String familyName, String email, String phone) {

        /** All of it is personal data: audited by field name only (AuditTrail#recordWithoutPersonalData). */
        static final java.util.List<String> PERSONAL = java.util.List.of("givenName", "familyName", "email", "phone");
    }
}

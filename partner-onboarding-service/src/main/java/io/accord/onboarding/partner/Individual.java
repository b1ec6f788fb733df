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

    UUID id() {
        return id;
    }

    PartnerId partnerId() {
        return new PartnerId(partnerId);
    }

    IndividualDetails details() {
        return new IndividualDetails(givenName, familyName, email, phone);
    }

    /** What a client gives and may change of an individual. */
    record IndividualDetails(String givenName, String familyName, String email, String phone) {
    }
}

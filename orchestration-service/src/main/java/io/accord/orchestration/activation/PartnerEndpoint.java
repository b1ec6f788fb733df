package io.accord.orchestration.activation;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A partner's registered activation mode, with the webhook URL and the encrypted signing secret. */
@Entity
@Table(name = "partner_endpoint")
class PartnerEndpoint {

    @Id
    private UUID partnerId;
    @Enumerated(EnumType.STRING)
    private ActivationMode mode;
    private String url;
    private byte[] secretEncrypted;
    private Instant secretRotatedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected PartnerEndpoint() {
    }

    static PartnerEndpoint register(PartnerId partner, Instant now) {
        PartnerEndpoint endpoint = new PartnerEndpoint();
        endpoint.partnerId = partner.value();
        endpoint.mode = ActivationMode.AUTO;
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        return endpoint;
    }

    /**
     * Sets the mode and URL. A webhook keeps the secret it has; one without a secret needs {@code newSecret}
     * (returns whether it was used); leaving WEBHOOK drops the secret.
     */
    boolean change(ActivationMode newMode, String newUrl, byte[] newSecret, Instant now) {
        boolean secretSet = false;
        if (newMode == ActivationMode.WEBHOOK && secretEncrypted == null) {
            secretEncrypted = newSecret;
            secretRotatedAt = now;
            secretSet = true;
        } else if (newMode != ActivationMode.WEBHOOK) {
            secretEncrypted = null;
            secretRotatedAt = null;
        }
        mode = newMode;
        url = newMode == ActivationMode.WEBHOOK ? newUrl : null;
        updatedAt = now;
        return secretSet;
    }

    /** Replaces the signing secret; the old one stops working at once. */
    void rotate(byte[] newSecret, Instant now) {
        if (mode != ActivationMode.WEBHOOK) {
            throw new ConflictException("Only a WEBHOOK endpoint has a secret to rotate; this one is " + mode);
        }
        secretEncrypted = newSecret;
        secretRotatedAt = now;
        updatedAt = now;
    }

    PartnerId partner() {
        return new PartnerId(partnerId);
    }

    ActivationMode mode() {
        return mode;
    }

    String url() {
        return url;
    }

    byte[] secretEncrypted() {
        return secretEncrypted;
    }

    Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}

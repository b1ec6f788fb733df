package io.accord.orchestration.activation;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbound.OutboundTargets;
import io.accord.platform.persistence.TransactionScoped;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The partners' activation endpoints, managed by each partner in self-care: the mode, the webhook URL and its
 * signing secret (shown once, when generated or rotated). Staff read them; a partner only its own.
 */
@Service
public class PartnerEndpoints {

    static final String RESOURCE_TYPE = "partnerEndpoint";

    /** A registration's answer: the endpoint, and the secret when one was just generated (shown this once). */
    record Registration(EndpointView endpoint, String secret, boolean created) {
    }

    /** What the activation step needs to call a partner: the decrypted secret stays inside this feature. */
    record Target(ActivationMode mode, String url, String secret) {
    }

    private final PartnerEndpointRepository endpoints;
    private final SecretCipher cipher;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final OutboundTargets targets;
    private final Clock clock;

    PartnerEndpoints(PartnerEndpointRepository endpoints, SecretCipher cipher, AuditTrail audit, Tenancy tenancy,
                     OutboundTargets targets, Clock clock) {
        this.endpoints = endpoints;
        this.targets = targets;
        this.cipher = cipher;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The mode activation uses for the partner: AUTO when it registered nothing. */
    @Transactional(readOnly = true)
    public ActivationMode modeOf(PartnerId partner) {
        return registered(partner).map(PartnerEndpoint::mode).orElse(ActivationMode.AUTO);
    }

    /**
     * The partner's endpoint row, read once per transaction: a saga step asks for the mode and then for the target
     * in one runner transaction, and for an AUTO partner (no row) the persistence context remembers nothing.
     */
    private Optional<PartnerEndpoint> registered(PartnerId partner) {
        return TransactionScoped.get(List.of(PartnerEndpoints.class, partner.value()),
                () -> endpoints.findById(partner.value()));
    }

    /** The calling partner registers (or changes) its own endpoint. */
    @Transactional
    Registration register(ActivationMode mode, String url) {
        PartnerId partner = tenancy.partnerId().orElseThrow(() -> new InvalidInputException("partnerId",
                "your token is not bound to a partner"));
        if (mode == ActivationMode.WEBHOOK) {
            url = targets.check("url", url).toString();
        } else if (url != null) {
            throw new InvalidInputException("url", "only a WEBHOOK endpoint has a URL");
        }
        Instant now = clock.instant();
        Optional<PartnerEndpoint> existing = endpoints.findById(partner.value());
        PartnerEndpoint endpoint = existing.orElseGet(() -> PartnerEndpoint.register(partner, now));
        EndpointView before = existing.map(EndpointView::of).orElse(null);
        String secret = cipher.newSecret();
        boolean secretSet = endpoint.change(mode, url, cipher.encrypt(secret), now);
        endpoints.save(endpoint);
        TransactionScoped.forget();
        EndpointView after = EndpointView.of(endpoint);
        audit.record(partner, RESOURCE_TYPE, partner.toString(), existing.isEmpty() ? "registered" : "changed",
                before, after);
        return new Registration(after, secretSet ? secret : null, existing.isEmpty());
    }

    /** A new secret for the caller's own webhook; the old one is invalid from now on. */
    @Transactional
    Registration rotateSecret(PartnerId partner) {
        PartnerEndpoint endpoint = own(partner);
        EndpointView before = EndpointView.of(endpoint);
        String secret = cipher.newSecret();
        endpoint.rotate(cipher.encrypt(secret), clock.instant());
        endpoints.save(endpoint);
        TransactionScoped.forget();
        EndpointView after = EndpointView.of(endpoint);
        audit.record(partner, RESOURCE_TYPE, partner.toString(), "secret-rotated", before, after);
        return new Registration(after, secret, false);
    }

    @Transactional(readOnly = true)
    EndpointView get(PartnerId partner) {
        if (!tenancy.canAccess(partner)) {
            throw new NotFoundException("Partner endpoint", partner);
        }
        return endpoints.findById(partner.value()).map(EndpointView::of)
                .orElseGet(() -> EndpointView.unregistered(partner.value()));
    }

    /** Staff: every registered endpoint; a partner: its own (registered or not). */
    @Transactional(readOnly = true)
    Page<EndpointView> list(Pageable page) {
        if (tenancy.isStaff()) {
            return endpoints.findAll(page).map(EndpointView::of);
        }
        List<EndpointView> own = tenancy.partnerId().map(partner -> List.of(get(partner))).orElse(List.of());
        return new PageImpl<>(page.getOffset() == 0 ? own : List.of(), page, own.size());
    }

    @Transactional(readOnly = true)
    Optional<Target> target(PartnerId partner) {
        return registered(partner).map(endpoint -> new Target(endpoint.mode(), endpoint.url(),
                endpoint.secretEncrypted() == null ? null : cipher.decrypt(endpoint.secretEncrypted())));
    }

    private PartnerEndpoint own(PartnerId partner) {
        if (tenancy.partnerId().filter(partner::equals).isEmpty()) {
            throw new NotFoundException("Partner endpoint", partner);
        }
        return endpoints.findById(partner.value()).orElseThrow(() -> new NotFoundException("Partner endpoint",
                partner));
    }
}

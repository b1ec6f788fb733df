package io.accord.platform.hub;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbound.OutboundTargets;
import io.accord.platform.hub.HubRequests.SubscriptionInput;
import io.accord.platform.hub.HubRequests.SubscriptionView;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.OffsetLimit;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering, reading, deleting and re-enabling subscriptions of one service's hubs. Partner admins manage their
 * own partner's; staff (platform-admin, partner-manager, ops) any, and their own receive every event. Another
 * partner's subscription, or one of another API, answers 404 like an unknown id. Every change is audited.
 *
 * <p>One owner (a partner, or staff together) has at most one subscription per API, callback and query (a second
 * would deliver every event twice: 409 naming the first), a partner at most {@code max-subscriptions-per-partner}
 * per API (409), and only an ACTIVE partner registers (409; see {@link HubPartners}).
 */
class HubSubscriptions {

    static final String RESOURCE_TYPE = "hub-subscription";
    static final String[] WRITERS = {Roles.PARTNER_ADMIN, Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS};
    static final String[] READERS = {Roles.PARTNER_ADMIN, Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.OPS,
            Roles.AUDITOR, Roles.FINANCE};

    private final SubscriptionRepository repository;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final OutboundTargets callbacks;
    private final HubListener listener;
    private final HubPartners partners;
    private final HubProperties properties;
    private final Clock clock;

    HubSubscriptions(SubscriptionRepository repository, TransactionTemplate transactions, AuditTrail audit,
                     Tenancy tenancy, OutboundTargets callbacks, HubListener listener, HubPartners partners,
                     HubProperties properties, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.audit = audit;
        this.tenancy = tenancy;
        this.callbacks = callbacks;
        this.listener = listener;
        this.partners = partners;
        this.properties = properties;
        this.clock = clock;
    }

    /** The created subscription with its secret: the only time the secret is shown. */
    SubscriptionView register(String api, SubscriptionInput input) {
        PartnerId partner = ownerOfWrites();
        URI callback = callbacks.check("callback", input.callback());
        String query = input.query() == null || input.query().isBlank() ? null : input.query().trim();
        List<String> eventTypes = EventQuery.eventTypes(query, publishedBy(api));
        Subscription subscription = Subscription.register(api, partner, callback.toString(), query, eventTypes,
                tenancy.actor(), clock.instant());
        return transactions.execute(status -> {
            if (partner != null) {
                partners.lock(partner.value());
                partners.requireActive(partner, "register hub subscriptions");
            }
            repository.lockOwner(api, partner);
            repository.sameAs(api, partner, subscription.callback(), eventTypes).ifPresent(existing -> {
                throw new ConflictException("The same callback with the same query is registered already: "
                        + "subscription " + existing.id() + " (" + existing.status().column() + ", "
                        + SubscriptionView.of(existing, false).href() + "); a second one would deliver every event "
                        + "twice. Use it" + (existing.status() == Subscription.Status.DISABLED
                        ? " (re-enable it with POST .../hub/" + existing.id() + "/enable)" : "")
                        + ", or delete it first.");
            });
            long owned = partner == null ? 0 : repository.count(api, partner);
            if (owned >= properties.maxSubscriptionsPerPartner()) {
                throw new ConflictException("Partner " + partner + " has " + owned + " subscriptions on this API "
                        + "(active or disabled); a partner may have at most " + properties.maxSubscriptionsPerPartner()
                        + ". Delete one first.");
            }
            listener.subscriptionsChanging();
            repository.insert(subscription);
            SubscriptionView view = SubscriptionView.of(subscription, true);
            audit.record(partner, RESOURCE_TYPE, subscription.id().toString(), "hub-subscription-registered", null,
                    view.withoutSecret());
            return view;
        });
    }

    SubscriptionView get(String api, String id) {
        requireRole(READERS);
        return SubscriptionView.of(visible(api, id, false), false);
    }

    Page<SubscriptionView> list(String api, OffsetLimit paging) {
        requireRole(READERS);
        PartnerId partner = tenancy.isStaff() ? null : tenancy.partnerId().orElseThrow(this::noPartner);
        return repository.page(api, partner, paging).map(subscription -> SubscriptionView.of(subscription, false));
    }

    void delete(String api, String id) {
        ownerOfWrites();
        transactions.executeWithoutResult(status -> {
            Subscription subscription = visible(api, id, true);
            repository.delete(subscription.id());
            audit.record(subscription.partner(), RESOURCE_TYPE, subscription.id().toString(),
                    "hub-subscription-deleted", SubscriptionView.of(subscription, false), null);
        });
    }

    /** A disabled subscription back to active (409 when it is active, or its partner is terminated). */
    SubscriptionView enable(String api, String id) {
        ownerOfWrites();
        return transactions.execute(status -> {
            listener.subscriptionsChanging();
            Subscription before = visible(api, id, true);
            Subscription after = before.enable();
            repository.saveEnabled(after);
            SubscriptionView view = SubscriptionView.of(after, false);
            audit.record(after.partner(), RESOURCE_TYPE, after.id().toString(), "hub-subscription-enabled",
                    SubscriptionView.of(before, false), view);
            return view;
        });
    }

    /** The event types the API declares it publishes; empty: not declared. */
    private List<String> publishedBy(String api) {
        return properties.api(api).map(HubProperties.Api::eventTypes).orElse(List.of());
    }

    /** The caller's partner for a partner admin, {@code null} for staff; 403 for anyone else. */
    private PartnerId ownerOfWrites() {
        requireRole(WRITERS);
        return tenancy.isStaff() ? null : tenancy.partnerId().orElseThrow(this::noPartner);
    }

    private Subscription visible(String api, String id, boolean forUpdate) {
        Optional<Subscription> found = parse(id).flatMap(uuid -> repository.find(api, uuid, forUpdate))
                .filter(subscription -> tenancy.isStaff()
                        || subscription.partner() != null && tenancy.canAccess(subscription.partner()));
        return found.orElseThrow(() -> new NotFoundException("Hub subscription", id));
    }

    private void requireRole(String... roles) {
        if (!tenancy.hasAnyRole(roles)) {
            throw new AccessDeniedException("Your role does not allow this operation.");
        }
    }

    private AccessDeniedException noPartner() {
        return new AccessDeniedException("A partner token without a partner_id claim cannot use the hub.");
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

package io.accord.platform.hub;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A TM Forum notification for the service's event hub subscribers ({@code POST .../hub}), such as
 * {@code ProductOfferingCreateEvent} about a {@code productOffering}. Publish it with Spring's
 * {@code ApplicationEventPublisher} inside the transaction that makes the change: the hub records one delivery per
 * matching subscription in that same transaction (so a rolled-back change notifies nobody) and delivers after commit.
 *
 * @param eventType            the TMF event type, e.g. {@code ProductOfferingStateChangeEvent}
 * @param resourceName         the key the resource is delivered under in {@code event}, e.g. {@code productOffering}
 * @param resource             the resource as the TMF API shows it (serialised to JSON), or a {@link Supplier} of it
 *                             when building it costs (bulk imports): the hub calls it only when a subscription
 *                             wants the event
 * @param visibleToPartners    the partners whose subscriptions may receive it (the owner, participants)
 * @param visibleToAllPartners true when every partner may see the resource (e.g. a launched CSP offering)
 */
public record TmfEvent(String eventType, String resourceName, Object resource, Set<UUID> visibleToPartners,
                       boolean visibleToAllPartners) {

    public TmfEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(resource, "resource");
        visibleToPartners = visibleToPartners == null ? Set.of() : Set.copyOf(visibleToPartners);
    }

    /** The resource to deliver: {@link #resource()}, or what it supplies when it is a {@link Supplier}. */
    public Object resolvedResource() {
        return resource instanceof Supplier<?> supplier ? supplier.get() : resource;
    }
}

package io.accord.platform.hub;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A TM Forum notification for the service's event hub subscribers ({@code POST .../hub}), such as
 * {@code ProductOfferingCreateEvent} about a {@code productOffering}. Publish it with Spring's
 * {@code ApplicationEventPublisher} inside the transaction that makes the change: the hub records one delivery per
 * matching subscription in that same transaction (so a rolled-back change notifies nobody) and delivers after commit.
 *
 * @param eventType            the TMF event type, e.g. {@code ProductOfferingStateChangeEvent}
 * @param resourceName         the key the resource is delivered under in {@code event}, e.g. {@code productOffering}
 * @param resource             the resource as the TMF API shows it (serialised to JSON)
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
}

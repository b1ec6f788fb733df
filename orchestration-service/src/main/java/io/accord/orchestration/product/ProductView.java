package io.accord.orchestration.product;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product instance as other features read it ({@link Products}).
 *
 * @param ownerPartnerId  the offering's owner at order time, {@code null} for a CSP-owned offering
 * @param bundleProductId the bundle's instance this is a component of, {@code null} otherwise
 * @param buyerPartnerId  the reseller partner that bought it, {@code null} for a CSP sales channel
 * @param salesChannel    the CSP sales channel that sold it, {@code null} for a partner buyer
 * @param identifiers     the subscriber identifiers it was activated with (empty until activated)
 * @param resources       the inventory items realising it (empty until activated)
 * @param participants    the offering's co-creation participants and shares at order time
 * @param usagePriceIds   the offering's usage price ids at order time
 * @param charges         the one-time and recurring amounts locked at order time
 * @param stateReason     why it was last suspended, resumed, terminated or cancelled
 * @param suspension      who barred it (staff or the buyer), while suspended; {@code null} otherwise
 * @param startAt         active from (inclusive), {@code null} until activated
 * @param endAt           ended at (exclusive), {@code null} while not terminated
 * @param version         the instance's optimistic-lock version, one more with every change: its TMF637 ETag
 */
public record ProductView(UUID id, String orderId, String orderItemId, String offeringId, int offeringVersion,
                          String offeringName, UUID ownerPartnerId, String categoryCode, UUID bundleProductId,
                          UUID buyerPartnerId, String salesChannel, String customerId,
                          List<ProductDetails.SubscriberIdentifier> identifiers, List<RealisingResource> resources,
                          Map<String, String> characteristics, List<OfferingLaunched.Participant> participants,
                          List<String> usagePriceIds, List<ProductDetails.LockedCharge> charges, ProductState state,
                          String stateReason, Suspension suspension, Instant startAt, Instant endAt,
                          Instant createdAt, Instant updatedAt, long version) {
}

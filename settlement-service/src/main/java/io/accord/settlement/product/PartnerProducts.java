package io.accord.settlement.product;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.ProductDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The partners' product instances as {@code order.events.v1} announced them (no call to orchestration), with the
 * one-time and recurring charges locked when they were ordered and when each was active: what recurring and one-time
 * statement lines are made of. A partner's products are those of its offerings (it owns them: revenue share), those
 * of co-created offerings it participates in (its participant share) and those it bought (a reseller's CSP products,
 * or a co-created or partner-owned offering bought for its own customer: owed). A product is listed for each of these
 * partners once (one row, whatever roles the partner has in it); what each one's statement takes of it is decided
 * per partner when the lines are made.
 */
@Service
public class PartnerProducts {

    private final ProductStore store;

    PartnerProducts(ProductStore store) {
        this.store = store;
    }

    /** The partner's products (owned, co-created with it as a participant, or bought) active at some instant of [from, to), by start. */
    @Transactional(readOnly = true)
    public List<Product> activeBetween(UUID partnerId, Instant from, Instant to) {
        return store.activeBetween(partnerId, from, to);
    }

    /** The partner's products (owned, co-created or bought) that started within [from, to): their one-time charges fall there. */
    @Transactional(readOnly = true)
    public List<Product> startedBetween(UUID partnerId, Instant from, Instant to) {
        return store.startedBetween(partnerId, from, to);
    }

    /**
     * Candidates for late one-time charges: the partner's products that started before {@code before}, learnt of
     * since late charges exist, not yet charged late to it; the caller decides which arrived after their period
     * closed.
     */
    @Transactional(readOnly = true)
    public List<Received> startedBeforeNotChargedLate(UUID partnerId, Instant before) {
        return store.startedBeforeNotChargedLate(partnerId, before);
    }

    /** Records, in the drafting transaction, that the statement carries these products' one-time charges late. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void chargedLate(UUID partnerId, List<String> productIds, UUID statementId, Instant at) {
        store.chargedLate(partnerId, productIds, statementId, at);
    }

    /**
     * Candidates for late end adjustments: the partner's started products (owned, co-created or bought) whose end
     * settlement learnt of after {@code since} (a changed end, or the product itself), with every end it held and
     * when; the caller decides which closed periods were charged with another end than the one held now.
     */
    @Transactional(readOnly = true)
    public List<EndHistory> endsLearntSince(UUID partnerId, Instant since) {
        return store.endsLearntSince(partnerId, since);
    }

    /** Records, in the drafting transaction, that the statement adjusted these products' closed periods to their end. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void endsAdjusted(UUID partnerId, List<AdjustedEnd> adjusted, UUID statementId, Instant at) {
        store.endsAdjusted(partnerId, adjusted, statementId, at);
    }

    /**
     * Forgets, in the transaction discarding the statement, the late one-time charges and the end adjustments it
     * recorded: the partner's next draft finds those products late again and adjusts their ends from the statements
     * that remain.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void released(UUID partnerId, UUID statementId) {
        store.released(partnerId, statementId);
    }

    /** An end settlement held for a product ({@code endAt} {@code null}: none) from {@code receivedAt} on. */
    public record KnownEnd(Instant endAt, Instant receivedAt) {
    }

    /**
     * A product with every end settlement held for it, oldest first.
     *
     * @param chargedLate a statement of the partner carried it late (it arrived after a period it was active in
     *                    began closing): every period of the partner before that statement's was charged with it
     */
    public record EndHistory(Product product, List<KnownEnd> ends, boolean chargedLate) {

        /** The end settlement held at {@code at}; empty when it did not know the product yet. */
        public Optional<KnownEnd> knownAt(Instant at) {
            KnownEnd known = null;
            for (KnownEnd end : ends) {
                if (!end.receivedAt().isAfter(at)) {
                    known = end;
                }
            }
            return Optional.ofNullable(known);
        }
    }

    /** A product whose closed periods a statement brought from the end they were charged with to its end now. */
    public record AdjustedEnd(String productId, Instant chargedEndAt, Instant endAt) {
    }

    /** A product and when settlement first learnt of it. */
    public record Received(Product product, Instant receivedAt) {
    }

    /**
     * The category code of each of these offerings that settlement knows a product of (revenue-share rules match on
     * it); an offering none of whose products arrived is missing from the map.
     */
    @Transactional(readOnly = true)
    public Map<String, String> categoriesOf(Collection<String> offeringIds) {
        return store.categories(offeringIds);
    }

    /** The offerings' names, as their products were ordered; an offering without a known name is absent. */
    public Map<String, String> namesOf(Collection<String> offeringIds) {
        return store.names(offeringIds);
    }

    /**
     * A product instance as settlement holds it.
     *
     * @param ownerPartnerId the offering's owner ({@code null}: the CSP's)
     * @param buyerPartnerId the partner that bought it ({@code null}: a CSP sales channel)
     * @param startAt        active from (inclusive)
     * @param endAt          active until (exclusive), {@code null} while it runs
     * @param participants   a co-created offering's participants and their shares (empty otherwise)
     * @param identifiers    the subscriber identifiers it serves (an {@code ICCID} is a SIM)
     */
    public record Product(String productId, String orderId, String offeringId, String offeringName,
                          String categoryCode, UUID ownerPartnerId, UUID buyerPartnerId, String customerId,
                          String status, Instant startAt, Instant endAt, List<ProductDetails.LockedCharge> charges,
                          List<OfferingLaunched.Participant> participants,
                          List<ProductDetails.SubscriberIdentifier> identifiers) {

        public List<ProductDetails.LockedCharge> recurringCharges() {
            return charges.stream().filter(charge -> "RECURRING".equals(charge.type())).toList();
        }

        public List<ProductDetails.LockedCharge> oneTimeCharges() {
            return charges.stream().filter(charge -> "ONE_TIME".equals(charge.type())).toList();
        }

        /** The same instance ending at {@code end} ({@code null}: running): how it was charged with another end. */
        public Product endingAt(Instant end) {
            return new Product(productId, orderId, offeringId, offeringName, categoryCode, ownerPartnerId,
                    buyerPartnerId, customerId, status, startAt, end, charges, participants, identifiers);
        }
    }
}

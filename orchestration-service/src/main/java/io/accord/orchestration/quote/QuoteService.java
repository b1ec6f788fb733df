package io.accord.orchestration.quote;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.orchestration.offering.SellableOfferings;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.scheduling.JobItems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Thin application service: load, call the aggregate, save, audit, notify. */
@Service
class QuoteService {

    private final QuoteRepository quotes;
    private final QuoteItems items;
    private final QuoteProperties properties;
    private final Tenancy tenancy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JobItems jobItems;
    private final SellableOfferings offerings;

    QuoteService(QuoteRepository quotes, QuoteItems items, QuoteProperties properties, Tenancy tenancy,
                 AuditTrail audit, ApplicationEventPublisher events, Clock clock, JobItems jobItems,
                 SellableOfferings offerings) {
        this.offerings = offerings;
        this.quotes = quotes;
        this.items = items;
        this.properties = properties;
        this.tenancy = tenancy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.jobItems = jobItems;
    }

    @Transactional
    Quote create(QuoteResources.CreateQuote request) {
        Instant now = clock.instant();
        QuoteParties parties = QuoteParties.of(request.relatedParty(), tenancy);
        if (tenancy.isStaff() && parties.buyer() != null) {
            offerings.requireActiveBuyer(parties.buyer());
        }
        BigDecimal discount = request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent();
        Quote quote = new Quote(UUID.randomUUID(), parties.buyer(), parties.channel(), parties.customerId(),
                parties.customerName(), now, tenancy.actor());
        quote.describe(request.description(), request.externalId(), now);
        quote.price(items.price(request.quoteItem(), discount, now, parties.buyer()), discount, aboveLimit(discount),
                now, now.plus(properties.validity()), tenancy.actor());
        quotes.insert(quote);
        QuoteResources.QuoteView view = QuoteViews.view(quote);
        audit.record(partner(quote), "quote", quote.id.toString(), "created", null, view);
        notify("QuoteCreateEvent", quote, view);
        return quote;
    }

    @Transactional(readOnly = true)
    Quote get(UUID id) {
        return visible(id);
    }

    @Transactional(readOnly = true)
    Page<Quote> list(List<QuoteState> states, List<String> parties, Pageable page) {
        UUID buyer = tenancy.isStaff() ? null : tenancy.partnerId().map(PartnerId::value)
                .orElse(new UUID(0, 0));
        return quotes.page(buyer, states.stream().map(Enum::name).toList(), parties, page);
    }

    /**
     * Items, discount, description, externalId; 412 when {@code ifMatch} names another version than the current one.
     * When the patch set the items or the discount ({@code reprice}), the quote is re-priced at the time of the
     * change, with a fresh validity, and the caller is one of its preparers (four-eyes) from then on; a description
     * or externalId alone keeps the price, its validity and who priced it.
     */
    @Transactional
    Quote change(UUID id, IfMatch ifMatch, QuoteResources.Changeable change, boolean reprice) {
        Quote quote = locked(id, ifMatch);
        QuoteResources.QuoteView before = QuoteViews.view(quote);
        Instant now = clock.instant();
        quote.describe(change.description(), change.externalId(), now);
        if (reprice) {
            BigDecimal discount = change.discountPercent() == null ? BigDecimal.ZERO : change.discountPercent();
            quote.price(items.price(change.quoteItem(), discount, now, quote.buyerPartnerId), discount,
                    aboveLimit(discount), now, now.plus(properties.validity()), tenancy.actor());
        }
        quotes.update(quote, null);
        audit.record(partner(quote), "quote", id.toString(), "changed", before, QuoteViews.view(quote));
        return quote;
    }

    /**
     * {@code approved}, {@code accepted} or {@code rejected}, as TMF's PATCH of {@code state} asks; 412 when
     * {@code ifMatch} names another version than the current one.
     */
    @Transactional
    Quote move(UUID id, IfMatch ifMatch, String state) {
        Quote quote = locked(id, ifMatch);
        QuoteResources.QuoteView before = QuoteViews.view(quote);
        Instant now = clock.instant();
        QuoteAccepted accepted = null;
        switch (QuoteState.ofTmf(state).orElse(QuoteState.IN_PROGRESS)) {
            case APPROVED -> quote.approve(tenancy.actor(), tenancy.hasAnyRole(Roles.PARTNER_MANAGER), now);
            case ACCEPTED -> {
                requireBuyer(quote);
                items.requireStillSellable(quote.lines, now);
                quote.accept(tenancy.actor(), quote.buyerPartnerId == null, now);
                accepted = QuoteAcceptance.of(quote);
            }
            case REJECTED -> quote.reject(tenancy.actor(), "rejected by " + tenancy.actor(), now);
            default -> throw new InvalidInputException("state",
                    "state changes to approved, accepted or rejected, not '" + state + "'");
        }
        quotes.update(quote, accepted == null ? null : accepted.items());
        QuoteResources.QuoteView view = QuoteViews.view(quote);
        audit.record(partner(quote), "quote", id.toString(), quote.state.tmf(), before, view);
        notify("QuoteStateChangeEvent", quote, view);
        if (accepted != null) {
            events.publishEvent(accepted);
        }
        return quote;
    }

    /**
     * The expiry job's round: open quotes past their validity end expire, how many did. Not one transaction: each
     * quote expires in its own ({@link JobItems}), so a quote that cannot be (stored JSON it cannot read) rolls back
     * alone, is recorded and put off, and the others still expire.
     */
    int expireDue(Instant now) {
        List<UUID> due = quotes.dueForExpiry(now, properties.expiryBatch());
        return jobItems.each(QuoteExpiryJob.LOCK, due, Function.identity(), id -> quotes.lockDueForExpiry(id, now)
                .map(quote -> expire(quote, now)).orElse(0)).changed();
    }

    private int expire(Quote quote, Instant now) {
        QuoteResources.QuoteView before = QuoteViews.view(quote);
        quote.expire(now);
        quotes.update(quote, null);
        QuoteResources.QuoteView view = QuoteViews.view(quote);
        audit.record(partner(quote), "quote", quote.id.toString(), "expired", before, view);
        notify("QuoteStateChangeEvent", quote, view);
        return 1;
    }

    /** Only the buyer accepts: the buyer partner's users, or CSP staff for a sales channel's quote. */
    private void requireBuyer(Quote quote) {
        boolean buyer = quote.buyerPartnerId != null
                ? tenancy.partnerId().map(p -> p.value().equals(quote.buyerPartnerId)).orElse(false)
                : tenancy.isStaff();
        if (!buyer) {
            throw new AccessDeniedException("Quote " + quote.id + " is accepted by its buyer only: "
                    + (quote.buyerPartnerId != null ? "the users of buyer partner " + quote.buyerPartnerId
                    : "CSP staff, for a sales channel's quote"));
        }
    }

    private boolean aboveLimit(BigDecimal discount) {
        return discount.compareTo(properties.limitFor(tenancy::hasAnyRole)) > 0;
    }

    private Quote visible(UUID id) {
        return visible(id, quotes.find(id));
    }

    /**
     * The quote to change, locked until the transaction ends, so that the version {@code ifMatch} is checked
     * against is the one the change is applied to (a concurrent change waits, then checks the version this wrote).
     */
    private Quote locked(UUID id, IfMatch ifMatch) {
        Quote quote = visible(id, quotes.lock(id));
        ifMatch.check(quote.version, "Quote " + id);
        return quote;
    }

    private Quote visible(UUID id, Optional<Quote> found) {
        return found.filter(quote -> tenancy.isStaff() || quote.buyerPartnerId != null
                && tenancy.partnerId().map(p -> p.value().equals(quote.buyerPartnerId)).orElse(false))
                .orElseThrow(() -> new NotFoundException("quote", id));
    }

    private void notify(String eventType, Quote quote, QuoteResources.QuoteView view) {
        events.publishEvent(new TmfEvent(eventType, "quote", view,
                quote.buyerPartnerId == null ? Set.of() : Set.of(quote.buyerPartnerId), false));
    }

    private static PartnerId partner(Quote quote) {
        return quote.buyerPartnerId == null ? null : new PartnerId(quote.buyerPartnerId);
    }
}

package io.accord.orchestration.quote;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who a quote is for and who buys: the {@code Customer} party (required), and the buyer: a partner token always
 * buys as its own partner (a reseller for its customers); staff name a {@code SalesChannel} of the CSP or a
 * reseller {@code Buyer} partner.
 */
record QuoteParties(String customerId, String customerName, UUID buyer, String channel) {

    static QuoteParties of(List<QuoteResources.Party> parties, Tenancy tenancy) {
        QuoteResources.Party customer = only(parties, QuoteResources.CUSTOMER).orElseThrow(() ->
                new InvalidInputException("relatedParty", "A quote names its customer: one relatedParty with role "
                        + "Customer (the external customer or subscriber reference)"));
        Optional<QuoteResources.Party> buyer = only(parties, QuoteResources.BUYER);
        Optional<QuoteResources.Party> channel = only(parties, QuoteResources.SALES_CHANNEL);
        if (!tenancy.isStaff()) {
            UUID own = tenancy.partnerId().map(PartnerId::value).orElseThrow(() ->
                    new InvalidInputException("relatedParty", "Only staff or a partner's users create quotes"));
            if (channel.isPresent() || buyer.filter(b -> !b.id().equals(own.toString())).isPresent()) {
                throw new InvalidInputException("relatedParty", "A partner buys as its own partner " + own);
            }
            return new QuoteParties(customer.id(), customer.name(), own, null);
        }
        if (buyer.isPresent() == channel.isPresent()) {
            throw new InvalidInputException("relatedParty", "Staff name the buyer: one relatedParty with role "
                    + "SalesChannel (a CSP sales channel) or Buyer (a reseller partner's id)");
        }
        if (channel.isPresent()) {
            return new QuoteParties(customer.id(), customer.name(), null, channel.get().id());
        }
        try {
            return new QuoteParties(customer.id(), customer.name(), UUID.fromString(buyer.get().id()), null);
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidInputException("relatedParty", "The Buyer is a partner id, not '" + buyer.get().id()
                    + "'");
        }
    }

    private static Optional<QuoteResources.Party> only(List<QuoteResources.Party> parties, String role) {
        List<QuoteResources.Party> matching = parties.stream().filter(p -> role.equalsIgnoreCase(p.role())).toList();
        if (matching.size() > 1) {
            throw new InvalidInputException("relatedParty", "Only one relatedParty with role " + role);
        }
        return matching.stream().findFirst();
    }
}

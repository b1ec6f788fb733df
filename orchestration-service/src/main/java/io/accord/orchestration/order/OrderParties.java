package io.accord.orchestration.order;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who an order is for and who buys, as for quotes: the {@code Customer} party (required), and the buyer: a partner
 * token always buys as its own partner (a reseller for its own customers); staff name a {@code SalesChannel} of
 * the CSP or a reseller {@code Buyer} partner.
 */
record OrderParties(String customerId, String customerName, UUID buyer, String channel) {

    static OrderParties of(List<OrderResources.Party> parties, Tenancy tenancy) {
        OrderResources.Party customer = only(parties, OrderResources.CUSTOMER).orElseThrow(() ->
                new InvalidInputException("relatedParty", "An order names its customer: one relatedParty with role "
                        + "Customer (the external customer or subscriber reference)"));
        Optional<OrderResources.Party> buyer = only(parties, OrderResources.BUYER);
        Optional<OrderResources.Party> channel = only(parties, OrderResources.SALES_CHANNEL);
        if (!tenancy.isStaff()) {
            UUID own = tenancy.partnerId().map(PartnerId::value).orElseThrow(() ->
                    new InvalidInputException("relatedParty", "Only staff or a partner's users place orders"));
            if (channel.isPresent() || buyer.filter(b -> !b.id().equals(own.toString())).isPresent()) {
                throw new InvalidInputException("relatedParty", "A partner buys as its own partner " + own);
            }
            return new OrderParties(customer.id(), customer.name(), own, null);
        }
        if (buyer.isPresent() == channel.isPresent()) {
            throw new InvalidInputException("relatedParty", "Staff name the buyer: one relatedParty with role "
                    + "SalesChannel (a CSP sales channel) or Buyer (a reseller partner's id)");
        }
        if (channel.isPresent()) {
            return new OrderParties(customer.id(), customer.name(), null, channel.get().id());
        }
        try {
            return new OrderParties(customer.id(), customer.name(), UUID.fromString(buyer.get().id()), null);
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidInputException("relatedParty", "The Buyer is a partner id, not '" + buyer.get().id()
                    + "'");
        }
    }

    private static Optional<OrderResources.Party> only(List<OrderResources.Party> parties, String role) {
        List<OrderResources.Party> matching = parties.stream().filter(p -> role.equalsIgnoreCase(p.role())).toList();
        if (matching.size() > 1) {
            throw new InvalidInputException("relatedParty", "Only one relatedParty with role " + role);
        }
        return matching.stream().findFirst();
    }
}

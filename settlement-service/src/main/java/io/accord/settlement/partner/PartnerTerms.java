package io.accord.settlement.partner;

import io.accord.contracts.events.AgreementActivated;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What settlement knows of each partner from {@code partner.events.v1}, without calling onboarding: the agreement
 * versions that were in force with their validity and full terms (cycle, shares with volume tiers, minimum
 * guarantee, tax treatment, payment terms, tolerances, currency, business model), and the legal data documents print
 * (legal name, address, tax id, confirmed bank account).
 */
@Service
public class PartnerTerms {

    private final PartnerStore store;

    PartnerTerms(PartnerStore store) {
        this.store = store;
    }

    /** The agreement in force for the partner at {@code at}: in force from on or before it and not ended by then. */
    @Transactional(readOnly = true)
    public Optional<Agreement> agreementInForce(UUID partnerId, Instant at) {
        return store.agreements(partnerId).stream().filter(agreement -> agreement.inForceAt(at))
                .max(java.util.Comparator.comparing(Agreement::inForceFrom));
    }

    /** Every agreement version of the partner that came into force, oldest first. */
    @Transactional(readOnly = true)
    public List<Agreement> agreements(UUID partnerId) {
        return store.agreements(partnerId);
    }

    /** The partners with an agreement in force at {@code at}. */
    @Transactional(readOnly = true)
    public List<UUID> partnersWithAgreementInForce(Instant at) {
        return store.partnersInForce(at);
    }

    /**
     * Those of the partners settlement knows from {@code partner.events.v1}: an agreement that came into force, or
     * legal data. An id outside it is nobody settlement could settle or set anything for.
     */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> known(java.util.Collection<UUID> partnerIds) {
        return store.known(partnerIds);
    }

    /** The partner's legal data, when its activation (or a later fact) has arrived. */
    @Transactional(readOnly = true)
    public Optional<LegalData> legalData(UUID partnerId) {
        return store.legalData(partnerId);
    }

    /**
     * An agreement version that came into force.
     *
     * @param inForceUntil when it stopped being in force (superseded, terminated, expired) or its validity ends,
     *                     whichever is first; {@code null} while it is open-ended
     */
    public record Agreement(String agreementId, UUID partnerId, int version, String businessModel,
                            Instant inForceFrom, Instant inForceUntil, String endReason,
                            AgreementActivated.Terms terms) {

        public boolean inForceAt(Instant at) {
            return !at.isBefore(inForceFrom) && (inForceUntil == null || at.isBefore(inForceUntil));
        }

        public String currency() {
            return terms.currency();
        }

        public String settlementCycle() {
            return terms.settlementCycle();
        }
    }

    /**
     * What a settlement document prints about the partner. Fields are {@code null} when onboarding did not send
     * them (a partner activated before the events carried them, or without the data).
     */
    public record LegalData(UUID partnerId, String legalName, String country, String businessModel,
                            String settlementCurrency, String taxId, Address address, BankAccount bankAccount) {
    }

    public record Address(String street1, String street2, String city, String postCode, String country) {
    }

    /**
     * The confirmed account settlement pays into, confirmed at {@code confirmedAt}: an IBAN (with its BIC, when
     * known), or, in a country that issues no IBANs, {@code accountNumber} with its {@code bankCode} (US: the ABA
     * routing number) and a BIC, {@code iban} then being {@code null}.
     */
    public record BankAccount(String iban, String bic, String accountNumber, String bankCode, Instant confirmedAt) {
    }
}

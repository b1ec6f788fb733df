package io.accord.onboarding.partner;

import io.accord.contracts.events.DomainEvent;
import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerBankAccountConfirmed;
import io.accord.contracts.events.PartnerStatusChanged;
import io.accord.contracts.events.PartnerTaxIdChanged;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A partner organization and its lifecycle. Transitions are guarded and register the events they cause. */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    private UUID id;
    private String legalName;
    private String tradingName;
    private String taxId;
    @Enumerated(EnumType.STRING)
    private PartnerType partnerType;
    @Enumerated(EnumType.STRING)
    private BusinessModel businessModel;
    private String country;
    private String settlementCurrency;
    @Enumerated(EnumType.STRING)
    private PartnerStatus status;
    private String statusReason;
    @Embedded
    private PostalAddress address;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "commercial_name"))
    @AttributeOverride(name = "email", column = @Column(name = "commercial_email"))
    @AttributeOverride(name = "phone", column = @Column(name = "commercial_phone"))
    private ContactPerson commercial;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "technical_name"))
    @AttributeOverride(name = "email", column = @Column(name = "technical_email"))
    @AttributeOverride(name = "phone", column = @Column(name = "technical_phone"))
    private ContactPerson technical;
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "billing_name"))
    @AttributeOverride(name = "email", column = @Column(name = "billing_email"))
    @AttributeOverride(name = "phone", column = @Column(name = "billing_phone"))
    private ContactPerson billing;
    private String iban;
    private String bic;
    private String accountNumber;
    private String bankCode;
    private Instant bankConfirmedAt;
    private String pendingIban;
    private String pendingBic;
    private String pendingAccountNumber;
    private String pendingBankCode;
    private Instant pendingBankSince;
    private UUID pendingBankChangeId;
    private String pendingBankRequestedBy;
    private String pendingBankRequestedByName;
    private UUID applicationId;
    @Convert(converter = ExternalReferencesJson.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<ExternalReference> externalReference = new ArrayList<>();
    private String normalisedName;
    @Convert(converter = UuidListColumn.class)
    private List<UUID> possibleDuplicateOf = List.of();
    private Instant createdAt;
    private Instant updatedAt;
    /** When it was terminated: contacts are kept for the retention after it, then erased. */
    private Instant terminatedAt;
    /** When its contacts' personal data was erased (GDPR Art. 17), or null. */
    private Instant contactsErasedAt;
    @Version
    private long version;

    @Transient
    private final List<DomainEvent> events = new ArrayList<>();

    protected Partner() {
    }

    /** A new partner created directly by staff, ACTIVE from now on. */
    public static Partner activate(String legalName, PartnerType type, BusinessModel model, String country,
                                   String settlementCurrency, Instant now) {
        return activate(new PartnerProfile(legalName, null, type, model, country, null, null, null, null, null, null,
                settlementCurrency), null, null, now);
    }

    /** A new partner, ACTIVE from now on; its bank account (if any) was checked with its application. */
    public static Partner activate(PartnerProfile profile, UUID applicationId, String normalisedName, Instant now) {
        return activate(UUID.randomUUID(), profile, applicationId, normalisedName, now);
    }

    /** The same with a given id: the development demo partners, whose ids the demo users' tokens carry. */
    static Partner activate(UUID id, PartnerProfile profile, UUID applicationId, String normalisedName, Instant now) {
        Partner partner = new Partner();
        partner.id = id;
        partner.applicationId = applicationId;
        partner.normalisedName = normalisedName;
        partner.legalName = profile.legalName();
        partner.tradingName = profile.tradingName();
        partner.partnerType = profile.type();
        partner.businessModel = profile.businessModel();
        partner.country = profile.country();
        partner.taxId = profile.taxId();
        partner.address = profile.address();
        partner.commercial = profile.commercial();
        partner.technical = profile.technical();
        partner.billing = profile.billing();
        partner.settlementCurrency = profile.settlementCurrency();
        if (profile.bankAccount() != null) {
            partner.iban = profile.bankAccount().iban();
            partner.bic = profile.bankAccount().bic();
            partner.accountNumber = profile.bankAccount().accountNumber();
            partner.bankCode = profile.bankAccount().bankCode();
            partner.bankConfirmedAt = now;
        }
        partner.status = PartnerStatus.ACTIVE;
        partner.createdAt = now;
        partner.updatedAt = now;
        partner.events.add(new PartnerActivated(UUID.randomUUID(), now, partner.id.toString(), partner.legalName,
                partner.partnerType.name(), partner.businessModel.name(), partner.country,
                partner.settlementCurrency, partner.taxId, partner.eventAddress(), partner.eventBankAccount()));
        return partner;
    }

    private PartnerActivated.Address eventAddress() {
        return address == null ? null
                : new PartnerActivated.Address(address.street1(), address.street2(), address.city(), address.postCode());
    }

    /** The confirmed account as the event carries it: IBAN and BIC, or account number, bank code and BIC. */
    private PartnerActivated.BankAccount eventBankAccount() {
        return iban == null && accountNumber == null ? null
                : new PartnerActivated.BankAccount(iban, bic, accountNumber, bankCode);
    }

    /**
     * Gives a partner created without an application the keys duplicate detection compares (an approved
     * application's partner gets them from its application).
     */
    void keyFor(PartnerKeys keys) {
        this.normalisedName = keys.normalisedName(legalName);
        this.taxId = keys.normalisedTaxId(taxId);
    }

    /** Other partners with the same normalised name and country: staff merge or dismiss. */
    void flagPossibleDuplicates(List<UUID> others) {
        this.possibleDuplicateOf = List.copyOf(others);
    }

    public List<UUID> possibleDuplicateOf() {
        return possibleDuplicateOf == null ? List.of() : possibleDuplicateOf;
    }

    /** Staff judged the partners distinct: the flag goes, nothing else changes. */
    void dismissPossibleDuplicates(Instant now) {
        requireFlagged();
        this.possibleDuplicateOf = List.of();
        this.updatedAt = now;
    }

    /**
     * Staff judged this partner a duplicate of {@code survivor}: it is terminated with a reason naming the
     * survivor, and nothing moves (agreements, documents and users stay with it, history intact).
     */
    void mergeInto(UUID survivor, String reason, Instant now) {
        requireFlagged();
        if (!possibleDuplicateOf().contains(survivor)) {
            throw new ConflictException("Partner " + id + " is not flagged as a possible duplicate of " + survivor
                    + "; it is flagged against " + possibleDuplicateOf());
        }
        this.possibleDuplicateOf = List.of();
        terminate("merged into partner " + survivor + (reason == null || reason.isBlank() ? "" : ": " + reason),
                now);
    }

    private void requireFlagged() {
        if (possibleDuplicateOf().isEmpty()) {
            throw new ConflictException("Partner " + id + " is not flagged as a possible duplicate");
        }
    }

    public String normalisedName() {
        return normalisedName;
    }

    /** The partner replaces its contacts (self-care). */
    public void changeContacts(ContactPerson commercial, ContactPerson technical, ContactPerson billing, Instant now) {
        requireNotTerminated("change contacts of");
        this.commercial = commercial;
        this.technical = technical;
        this.billing = billing;
        this.updatedAt = now;
    }

    /** The partner's ids in other systems, given by staff when creating it as a TMF632 organization. */
    void referTo(List<ExternalReference> references) {
        this.externalReference = references == null ? new ArrayList<>() : new ArrayList<>(references);
    }

    /** Staff or the partner change the trading name, registered address and contacts (TMF632 PATCH). */
    void changeProfile(String tradingName, PostalAddress address, ContactPerson commercial, ContactPerson technical,
                       ContactPerson billing, Instant now) {
        requireNotTerminated("change the profile of");
        requireKept(tradingName, address, commercial, technical, billing);
        this.tradingName = tradingName;
        this.address = address;
        this.commercial = commercial;
        this.technical = technical;
        this.billing = billing;
        this.updatedAt = now;
    }

    /**
     * Staff set or change the tax id (checked against the country's VAT scheme and other partners by the caller),
     * e.g. of a partner created without one: settlement prints it on the documents it self-bills. The same tax id
     * again changes nothing and publishes nothing.
     *
     * @return whether it changed
     */
    boolean changeTaxId(String normalisedTaxId, Instant now) {
        requireNotTerminated("change the tax id of");
        if (normalisedTaxId.equals(taxId)) {
            return false;
        }
        this.taxId = normalisedTaxId;
        this.updatedAt = now;
        events.add(new PartnerTaxIdChanged(UUID.randomUUID(), now, id.toString(), taxId, now));
        return true;
    }

    /**
     * A profile change replaces values but does not remove what the partner's records and bills rely on: the
     * registered address, a contact's e-mail, an OTT/content partner's trading name (its subscribers' bills show
     * it). A merge patch of {@code {"contactMedium": []}} left an active partner with neither (found on 2026-12-06).
     */
    private void requireKept(String newTradingName, PostalAddress newAddress, ContactPerson newCommercial,
                             ContactPerson newTechnical, ContactPerson newBilling) {
        if (partnerType == PartnerType.OTT_CONTENT && tradingName != null
                && (newTradingName == null || newTradingName.isBlank())) {
            throw new InvalidInputException("tradingName", "an OTT_CONTENT partner's trading name can be changed, "
                    + "not removed: its subscribers' bills show it");
        }
        if (address != null && newAddress == null) {
            throw new InvalidInputException("contactMedium", "the registered address (postalAddress) can be "
                    + "changed, not removed");
        }
        String[] roles = {"commercial", "technical", "billing"};
        ContactPerson[] before = {commercial, technical, billing};
        ContactPerson[] after = {newCommercial, newTechnical, newBilling};
        for (int i = 0; i < roles.length; i++) {
            if (before[i] != null && before[i].email() != null && (after[i] == null || after[i].email() == null)) {
                throw new InvalidInputException("contactMedium", "the " + roles[i] + " contact's e-mail can be "
                        + "changed, not removed");
            }
        }
    }

    /**
     * New bank details wait for confirmation by someone else; until then settlement keeps paying the confirmed
     * account. The details were checked by the caller. A new request replaces a waiting one under a new change id.
     * A suspended partner cannot redirect its payments itself (a suspension is often a question of fraud or
     * compliance); its partner manager may, for instance when the account is why it was suspended.
     *
     * @param byStaff whether the requester is staff rather than one of the partner's own users
     */
    public void requestBankAccountChange(BankAccount requested, Person requester, boolean byStaff, Instant now) {
        requireNotTerminated("change bank details of");
        if (!byStaff && status == PartnerStatus.SUSPENDED) {
            // the suspension's reason is internal (compliance, fraud): the partner is not told it here
            throw new ConflictException("Partner " + id + " is SUSPENDED: until it is reinstated, only its partner"
                    + " manager can request new bank details");
        }
        this.pendingIban = requested.iban();
        this.pendingBic = requested.bic();
        this.pendingAccountNumber = requested.accountNumber();
        this.pendingBankCode = requested.bankCode();
        this.pendingBankSince = now;
        this.pendingBankChangeId = UUID.randomUUID();
        this.pendingBankRequestedBy = requester.subject();
        this.pendingBankRequestedByName = requester.username();
        this.updatedAt = now;
    }

    /**
     * Settlement pays into the waiting bank details from now on. The confirmation names the change it confirms (its
     * id, and the IBAN or account number when given): if the waiting change is another one, nothing is confirmed
     * (409). Four eyes: the person who requested the change cannot confirm it (403). An account without IBAN is
     * published with {@code iban} null and its account number and bank code.
     */
    public void confirmBankAccountChange(UUID changeId, String expectedAccount, Person confirmer, Instant now) {
        Objects.requireNonNull(changeId, "changeId");
        requireWaitingChange(changeId, expectedAccount);
        requireNotTerminated("confirm bank details of");
        if (pendingBankRequestedBy != null && pendingBankRequestedBy.equals(confirmer.subject())) {
            throw new FourEyesException("Bank account change " + pendingBankChangeId + " of partner " + id
                    + " was requested by " + pendingBankRequestedByName + "; someone else must confirm it"
                    + " (four-eyes)");
        }
        this.iban = pendingIban;
        this.bic = pendingBic;
        this.accountNumber = pendingAccountNumber;
        this.bankCode = pendingBankCode;
        this.bankConfirmedAt = now;
        clearPendingBankAccount(now);
        events.add(new PartnerBankAccountConfirmed(UUID.randomUUID(), now, id.toString(), iban, bic, accountNumber,
                bankCode));
    }

    /** The waiting bank details are dropped; the confirmed account stays. A named change must be the waiting one. */
    public void rejectBankAccountChange(UUID changeId, Instant now) {
        requireWaitingChange(changeId, null);
        clearPendingBankAccount(now);
    }

    private void requireWaitingChange(UUID changeId, String expectedAccount) {
        BankAccountChange pending = pendingBankAccountChange();
        if (pending == null) {
            throw new ConflictException("Partner " + id + " has no bank account change waiting for confirmation");
        }
        boolean otherChange = changeId != null && !changeId.equals(pendingBankChangeId);
        if (otherChange) {
            throw new ConflictException("The bank account change confirmed (change " + changeId
                    + (expectedAccount == null ? "" : " with " + named(expectedAccount))
                    + ") is not the one waiting for partner " + id + ": that is change " + pendingBankChangeId
                    + " with " + pending.account().describe() + ", requested by " + pendingBankRequestedByName
                    + " at " + pendingBankSince + "; review it again");
        }
        if (expectedAccount != null && !expectedAccount.equals(pending.account().identifier())) {
            // the right change, but not the details the confirmer saw (found on 2026-12-07: the message named the
            // same change twice as if two differed)
            throw new ConflictException("The " + named(expectedAccount) + " differs from the "
                    + (pendingIban != null ? "IBAN" : "account") + " of the waiting change " + pendingBankChangeId
                    + " of partner " + id + ", " + pending.account().describe() + " (requested by "
                    + pendingBankRequestedByName + " at " + pendingBankSince + "); nothing was confirmed: review the"
                    + " change again");
        }
    }

    private static String named(String expectedAccount) {
        return Ibans.isValid(expectedAccount) ? "IBAN " + Ibans.format(expectedAccount)
                : "account " + expectedAccount;
    }

    private void clearPendingBankAccount(Instant now) {
        this.pendingIban = null;
        this.pendingBic = null;
        this.pendingAccountNumber = null;
        this.pendingBankCode = null;
        this.pendingBankSince = null;
        this.pendingBankChangeId = null;
        this.pendingBankRequestedBy = null;
        this.pendingBankRequestedByName = null;
        this.updatedAt = now;
    }

    public void suspend(String reason, Instant now) {
        requireStatus(PartnerStatus.ACTIVE, "suspend");
        changeStatus(PartnerStatus.SUSPENDED, reason, now);
    }

    public void reinstate(Instant now) {
        reinstate(null, now);
    }

    /** ACTIVE again; the reason (optional) is kept as the status reason and published with the status change. */
    public void reinstate(String reason, Instant now) {
        requireStatus(PartnerStatus.SUSPENDED, "reinstate");
        changeStatus(PartnerStatus.ACTIVE, reason == null || reason.isBlank() ? null : reason.strip(), now);
    }

    /**
     * The partner ends; a bank account change still waiting is cancelled with it (nobody can confirm it any more,
     * and it must not stay on show for ever).
     */
    public void terminate(String reason, Instant now) {
        if (status == PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + id + " is already TERMINATED");
        }
        if (pendingBankAccountChange() != null) {
            clearPendingBankAccount(now);
        }
        changeStatus(PartnerStatus.TERMINATED, reason, now);
    }

    /**
     * Erases the personal data of its contact persons (GDPR Art. 17): each contact's name becomes
     * {@link #ERASED}, its e-mail and phone go. Only once the partner is TERMINATED: an active partner's contacts are
     * changed, not erased (its bills and our staff need them). Nothing is published: no event carries contacts.
     *
     * @return whether there was anything to erase
     * @throws ConflictException (409) while the partner is not TERMINATED
     */
    boolean eraseContacts(Instant now) {
        if (status != PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + id + " is " + status + ": the personal data of its contacts"
                    + " is erased once it is TERMINATED; until then change the contacts instead");
        }
        ContactPerson[] before = {commercial, technical, billing};
        commercial = erased(commercial);
        technical = erased(technical);
        billing = erased(billing);
        if (contactsErasedAt == null) {
            contactsErasedAt = now;
        }
        boolean changed = !java.util.Arrays.equals(before, new ContactPerson[] {commercial, technical, billing});
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** What an erased name reads. */
    public static final String ERASED = "(erased)";
    private static final ContactPerson ERASED_CONTACT = new ContactPerson(ERASED, null, null);

    private static ContactPerson erased(ContactPerson contact) {
        return contact == null ? null : ERASED_CONTACT;
    }

    Instant terminatedAt() {
        return terminatedAt;
    }

    Instant contactsErasedAt() {
        return contactsErasedAt;
    }

    /** The events registered since the last call; the caller publishes them through the outbox. */
    public List<DomainEvent> pullEvents() {
        List<DomainEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireNotTerminated(String action) {
        if (status == PartnerStatus.TERMINATED) {
            throw new ConflictException("Cannot " + action + " partner " + id + ": it is TERMINATED");
        }
    }

    private void requireStatus(PartnerStatus required, String action) {
        if (status != required) {
            throw new ConflictException("Cannot " + action + " partner " + id + ": it is " + status
                    + ", not " + required);
        }
    }

    private void changeStatus(PartnerStatus next, String reason, Instant now) {
        PartnerStatus previous = status;
        status = next;
        if (next == PartnerStatus.TERMINATED) {
            terminatedAt = now;
        }
        statusReason = reason;
        updatedAt = now;
        events.add(new PartnerStatusChanged(UUID.randomUUID(), now, id.toString(), previous.name(), next.name(),
                reason));
    }

    public PartnerId partnerId() {
        return new PartnerId(id);
    }

    public UUID id() {
        return id;
    }

    /** The optimistic-lock version: its TMF632 organization's ETag (platform-starter's EntityTags). */
    long version() {
        return version;
    }

    public String legalName() {
        return legalName;
    }

    public PartnerType partnerType() {
        return partnerType;
    }

    public BusinessModel businessModel() {
        return businessModel;
    }

    public String country() {
        return country;
    }

    public String settlementCurrency() {
        return settlementCurrency;
    }

    public PartnerStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String tradingName() {
        return tradingName;
    }

    public String taxId() {
        return taxId;
    }

    public PostalAddress address() {
        return address;
    }

    public ContactPerson commercial() {
        return commercial;
    }

    public ContactPerson technical() {
        return technical;
    }

    public ContactPerson billing() {
        return billing;
    }

    /** The confirmed account settlement pays into, or null. */
    public BankAccount bankAccount() {
        return iban == null && accountNumber == null ? null
                : new BankAccount(iban, bic, accountNumber, bankCode);
    }

    /** The bank account change waiting for confirmation, or null. */
    BankAccountChange pendingBankAccountChange() {
        return pendingIban == null && pendingAccountNumber == null ? null
                : new BankAccountChange(pendingBankChangeId, new BankAccount(pendingIban, pendingBic,
                pendingAccountNumber, pendingBankCode), pendingBankRequestedByName, pendingBankSince);
    }

    public UUID applicationId() {
        return applicationId;
    }

    List<ExternalReference> externalReference() {
        return List.copyOf(externalReference);
    }
}

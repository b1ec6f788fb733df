package io.accord.onboarding.partner;

import io.accord.contracts.events.PartnerActivated;
import io.accord.contracts.events.PartnerBankAccountConfirmed;
import io.accord.platform.problem.ConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's rules for a bank account change: name what you confirm, and be someone else. */
class PartnerBankAccountTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final BankAccount FIRST = new BankAccount("FR1420041010050500013M02606", "PSSTFRPPPAR");
    private static final BankAccount SWAPPED = new BankAccount("FR7630006000011234567890189", "BNPAFRPPXXX");
    private static final Person REQUESTER = new Person("subject-1", "pm");

    private Partner partner;

    @BeforeEach
    void partner() {
        partner = Partner.activate("Four Eyes SAS", PartnerType.RESELLER, BusinessModel.RESELL, "FR", "EUR", NOW);
        partner.pullEvents();
    }

    @Test
    void theRequesterCannotConfirmEvenUnderAnotherUserName() {
        partner.requestBankAccountChange(FIRST, REQUESTER, true, NOW);
        UUID change = partner.pendingBankAccountChange().id();

        assertThatThrownBy(() -> partner.confirmBankAccountChange(change, null,
                new Person("subject-1", "pm-renamed"), NOW))
                .isInstanceOf(FourEyesException.class)
                .hasMessageContaining("someone else must confirm it");
        assertThat(partner.bankAccount()).isNull();
        assertThat(partner.pullEvents()).isEmpty();
    }

    @Test
    void aConfirmationOfAReplacedChangeConfirmsNothing() {
        partner.requestBankAccountChange(FIRST, REQUESTER, true, NOW);
        UUID reviewed = partner.pendingBankAccountChange().id();
        partner.requestBankAccountChange(SWAPPED, REQUESTER, true, NOW);
        UUID current = partner.pendingBankAccountChange().id();
        Person finance = new Person("subject-2", "fin");

        assertThatThrownBy(() -> partner.confirmBankAccountChange(reviewed, null, finance, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining(current.toString());
        assertThatThrownBy(() -> partner.confirmBankAccountChange(current, FIRST.iban(), finance, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("The IBAN " + Ibans.format(FIRST.iban()) + " differs from the IBAN of the"
                        + " waiting change " + current)
                .hasMessageContaining(Ibans.format(SWAPPED.iban()));
        assertThat(partner.bankAccount()).isNull();
        assertThat(partner.pullEvents()).isEmpty();
    }

    @Test
    void anotherPersonConfirmsTheNamedChange() {
        partner.requestBankAccountChange(FIRST, REQUESTER, true, NOW);
        UUID change = partner.pendingBankAccountChange().id();

        partner.confirmBankAccountChange(change, FIRST.iban(), new Person("subject-2", "pm"), NOW);

        assertThat(partner.bankAccount()).isEqualTo(FIRST);
        assertThat(partner.pendingBankAccountChange()).isNull();
        assertThat(partner.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerBankAccountConfirmed.class,
                event -> assertThat(event).extracting(PartnerBankAccountConfirmed::iban,
                                PartnerBankAccountConfirmed::bic, PartnerBankAccountConfirmed::accountNumber,
                                PartnerBankAccountConfirmed::bankCode)
                        .containsExactly(FIRST.iban(), FIRST.bic(), null, null));
    }

    @Test
    void aSuspendedPartnerCannotRedirectItsPaymentsItselfButItsManagerCan() {
        partner.suspend("IBAN under fraud review", NOW);

        assertThatThrownBy(() -> partner.requestBankAccountChange(FIRST, new Person("subject-9", "fr-admin"), false,
                NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is SUSPENDED")
                .hasMessageContaining("only its partner manager")
                .as("the suspension's reason is internal").hasMessageNotContaining("fraud");
        assertThat(partner.pendingBankAccountChange()).isNull();

        partner.requestBankAccountChange(FIRST, REQUESTER, true, NOW);
        assertThat(partner.pendingBankAccountChange().account()).isEqualTo(FIRST);
    }

    @Test
    void anAccountWithoutIbanIsConfirmedNamedByItsAccountNumberAndPublishedWithoutIban() {
        Partner american = Partner.activate("Four Eyes Inc", PartnerType.RESELLER, BusinessModel.RESELL, "US", "USD",
                NOW);
        american.pullEvents();
        BankAccount domestic = BankAccount.domestic("000123456789", "021000021", null);
        american.requestBankAccountChange(domestic, REQUESTER, true, NOW);
        UUID change = american.pendingBankAccountChange().id();
        Person finance = new Person("subject-2", "fin");

        assertThatThrownBy(() -> american.confirmBankAccountChange(change, "000123456780", finance, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("account 000123456789 (bank code 021000021)");
        american.confirmBankAccountChange(change, "000123456789", finance, NOW);

        assertThat(american.bankAccount()).isEqualTo(domestic);
        assertThat(american.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerBankAccountConfirmed.class,
                event -> assertThat(event).extracting(PartnerBankAccountConfirmed::iban,
                                PartnerBankAccountConfirmed::accountNumber, PartnerBankAccountConfirmed::bankCode)
                        .containsExactly(null, "000123456789", "021000021"));
        assertThat(american.bankAccount().masked())
                .isEqualTo(new BankAccount(null, null, "**** **** 6789", "021000021"));
    }

    @Test
    void anActivationPublishesTheConfirmedAccountWithOrWithoutIban() {
        BankAccount domestic = BankAccount.domestic("000123456789", "021000021", "CHASUS33");
        Partner american = Partner.activate(profile("Activated Inc", "US", domestic, "USD"), null, null, NOW);
        Partner french = Partner.activate(profile("Activée SAS", "FR", FIRST, "EUR"), null, null, NOW);

        assertThat(american.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerActivated.class,
                event -> assertThat(event.bankAccount())
                        .isEqualTo(new PartnerActivated.BankAccount(null, "CHASUS33", "000123456789", "021000021")));
        assertThat(french.pullEvents()).singleElement().isInstanceOfSatisfying(PartnerActivated.class,
                event -> assertThat(event.bankAccount())
                        .isEqualTo(new PartnerActivated.BankAccount(FIRST.iban(), FIRST.bic(), null, null)));
    }

    private static PartnerProfile profile(String name, String country, BankAccount account, String currency) {
        return new PartnerProfile(name, null, PartnerType.RESELLER, BusinessModel.RESELL, country, null, null, null,
                null, null, account, currency);
    }

    @Test
    void terminationCancelsTheWaitingChange() {
        partner.requestBankAccountChange(FIRST, REQUESTER, true, NOW);

        partner.terminate("contract ended", NOW);

        assertThat(partner.pendingBankAccountChange()).isNull();
        assertThatThrownBy(() -> partner.rejectBankAccountChange(null, NOW)).isInstanceOf(ConflictException.class);
    }
}

package io.accord.onboarding.demo;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.agreement.Agreements;
import io.accord.onboarding.partner.BankAccount;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.ContactPerson;
import io.accord.onboarding.partner.PartnerProfile;
import io.accord.onboarding.partner.PartnerRegistry;
import io.accord.onboarding.partner.PartnerType;
import io.accord.onboarding.partner.PostalAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Development only ({@code accord.onboarding.demo-seed.enabled=true}, which only {@code ./accord up} sets): the two
 * partners the development realm's demo users belong to ({@code partner-admin}/{@code partner-user} and
 * {@code partner-admin-b}), ACTIVE with their agreement from the template of their business model in force. Each
 * start creates whichever is missing, through the same registry and agreements as an approved application (audit
 * entry, {@code PartnerActivated} and {@code AgreementActivated} in the outbox, so catalog's read model knows them),
 * and leaves existing ones alone.
 *
 * <p>The switch is read when the application is ready, not as a bean condition: with Spring AOT (the launcher runs
 * the services' AOT-processed jars) the beans are fixed when the jar is built, where the switch is off.
 */
@Component
class DemoPartners {

    /** The partner_id of partner-admin and partner-user in deploy/keycloak/realm-accord.json. */
    static final UUID PARTNER_A = UUID.fromString("11111111-1111-4111-8111-111111111111");
    /** The partner_id of partner-admin-b. */
    static final UUID PARTNER_B = UUID.fromString("22222222-2222-4222-8222-222222222222");

    private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

    private static final List<Demo> DEMOS = List.of(
            new Demo(PARTNER_A, new PartnerProfile("Demo Streaming GmbH", "Demo Streaming", PartnerType.OTT_CONTENT,
                    BusinessModel.SELL_THROUGH, "DE", "DE274581369",
                    new PostalAddress("Demostrasse 1", null, "Berlin", "10115"),
                    new ContactPerson("Anna Admin", "partner-admin@demo.accord.example", null), null, null,
                    new BankAccount("DE02120300000000202051", "BYLADEM1001"), "EUR")),
            new Demo(PARTNER_B, new PartnerProfile("Demo Reseller SARL", "Demo Reseller", PartnerType.RESELLER,
                    BusinessModel.RESELL, "FR", "FR44732829320",
                    new PostalAddress("1 rue de la Demo", null, "Paris", "75001"),
                    new ContactPerson("Bruno Admin", "partner-admin-b@demo.accord.example", null), null, null,
                    new BankAccount("FR7630006000011234567890189", "AGRIFRPPXXX"), "EUR")));

    private final PartnerRegistry partners;
    private final Agreements agreements;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    DemoPartners(PartnerRegistry partners, Agreements agreements, Clock clock, PlatformTransactionManager transactions,
                 @Value("${accord.onboarding.demo-seed.enabled:false}") boolean enabled) {
        this.enabled = enabled;
        this.partners = partners;
        this.agreements = agreements;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether this start seeds ({@code accord.onboarding.demo-seed.enabled}). */
    boolean enabled() {
        return enabled;
    }

    /** A failure is logged, not fatal: the platform stays usable without its demo data. */
    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        if (!enabled) {
            return;
        }
        try {
            List<PartnerId> created = seed();
            log.info("demo partners: {} created, {} already there", created.size(), DEMOS.size() - created.size());
        } catch (RuntimeException e) {
            log.error("could not create the demo partners; the demo users will see no partner", e);
        }
    }

    /** Creates the demo partners that do not exist yet, in one transaction; returns those it created. */
    List<PartnerId> seed() {
        return transaction.execute(status -> createMissing());
    }

    private List<PartnerId> createMissing() {
        Instant now = clock.instant();
        List<PartnerId> created = new ArrayList<>();
        for (Demo demo : DEMOS) {
            if (partners.exists(new PartnerId(demo.id()))) {
                continue;
            }
            PartnerProfile profile = demo.profile();
            PartnerId partner = partners.activateDemo(demo.id(), profile, now);
            agreements.startFromTemplate(partner, profile.businessModel(), profile.settlementCurrency(), now);
            created.add(partner);
        }
        return created;
    }

    private record Demo(UUID id, PartnerProfile profile) {
    }
}

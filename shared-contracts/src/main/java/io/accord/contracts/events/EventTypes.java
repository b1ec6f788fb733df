package io.accord.contracts.events;

import java.util.Map;
import java.util.Optional;

/** Maps the CloudEvents {@code ce_type} of each published event to its record. */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "PartnerActivated", PartnerActivated.class,
            "PartnerStatusChanged", PartnerStatusChanged.class,
            "PartnerBankAccountConfirmed", PartnerBankAccountConfirmed.class,
            "AgreementActivated", AgreementActivated.class,
            "AgreementSuperseded", AgreementSuperseded.class,
            "AgreementExpired", AgreementExpired.class,
            "AgreementTerminated", AgreementTerminated.class);

    private EventTypes() {
    }

    public static Optional<Class<? extends DomainEvent>> forType(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }
}

package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/** What other features call: agreements for the onboarding flow and the question "which terms apply?". */
@Service
public class Agreements {

    private final AgreementService service;

    Agreements(AgreementService service) {
        this.service = service;
    }

    /**
     * Gives a newly activated partner version 1 of its agreement, from the current template of its business model
     * with the figures in {@code currency}, approved without a countersignature (the onboarding approval policy
     * already accepted the partner): ACTIVE from {@code effectiveFrom} (or from now, if that is later), and
     * {@code AgreementActivated} with the full terms goes to the outbox. Runs in the caller's transaction, so the
     * partner's activation and its agreement commit or roll back together.
     *
     * @throws io.accord.platform.problem.NotFoundException if the partner does not exist (in this transaction)
     * @throws io.accord.platform.problem.ConflictException if it already has an agreement
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AgreementRef startFromTemplate(PartnerId partner, BusinessModel model, String currency,
                                          Instant effectiveFrom) {
        return service.startFromTemplate(partner, model, currency, effectiveFrom).ref();
    }

    /** The version of the partner's agreement in force at {@code at}, if any (past instants answer from history). */
    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public Optional<AgreementRef> inForce(PartnerId partner, Instant at) {
        return service.inForce(partner, at).map(Agreement::ref);
    }
}

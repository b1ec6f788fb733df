package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other features call: agreements for the onboarding flow and the question "which terms apply?". */
@Service
public class Agreements {

    private final AgreementService service;

    Agreements(AgreementService service) {
        this.service = service;
    }

    /**
     * Gives a newly activated partner version 1 of its agreement from the current template of its business model
     * (its highest version a second CSP user approved: one person's proposal never reaches a partner), with the tax treatment derived for the partner's country and tax id. When the template fits the partner
     * ({@link #templateCheck} has no open points), it is approved without a countersignature (the onboarding
     * approval policy already accepted the partner): ACTIVE from {@code effectiveFrom} (or from now, if that is
     * later), and {@code AgreementActivated} with the full terms goes to the outbox. When it does not (a partner
     * settling in another currency than the template's, or one in another EU member state without a VAT id), the
     * version is a DRAFT whose {@code statusReason} names the open points, with the template's figures in the
     * template's currency: nothing is in force until a partner manager sets the terms and the partner
     * countersigns. Runs in the caller's transaction, so the partner's activation and its agreement commit or roll
     * back together.
     *
     * @throws io.accord.platform.problem.NotFoundException if the partner does not exist (in this transaction)
     * @throws io.accord.platform.problem.ConflictException if it already has an agreement
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public AgreementRef startFromTemplate(PartnerId partner, BusinessModel model, String currency,
                                          Instant effectiveFrom) {
        return service.startFromTemplate(partner, model, currency, effectiveFrom).ref();
    }

    /**
     * Whether the current template of {@code model} applies as it is to a partner with this country, tax id and
     * settlement currency: what zero-touch onboarding asks before approving without a human step.
     */
    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public TemplateCheck templateCheck(BusinessModel model, String country, String taxId, String currency) {
        return service.templateFit(model, country, taxId, currency)
                .map(fit -> new TemplateCheck(fit.fits() ? fit.basis() : null, fit.openPoints()))
                .orElseGet(() -> new TemplateCheck(null, List.of("there is no agreement template for " + model)));
    }

    /**
     * @param basis      why the template applies (its tax treatment's basis), when it does
     * @param openPoints what a partner manager must settle before the partner's agreement can be agreed
     */
    public record TemplateCheck(String basis, List<String> openPoints) {

        public boolean fits() {
            return openPoints.isEmpty();
        }
    }

    /** The version of the partner's agreement in force at {@code at}, if any (past instants answer from history). */
    @Transactional(propagation = Propagation.REQUIRED, readOnly = true)
    public Optional<AgreementRef> inForce(PartnerId partner, Instant at) {
        return service.inForce(partner, at).map(Agreement::ref);
    }
}

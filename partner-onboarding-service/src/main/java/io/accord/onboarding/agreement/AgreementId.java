package io.accord.onboarding.agreement;

import java.util.Objects;
import java.util.UUID;

/** Typed identifier of one version of a partner's agreement (a TMF651 agreement). */
public record AgreementId(UUID value) {

    public AgreementId {
        Objects.requireNonNull(value, "agreement id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

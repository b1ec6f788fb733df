package io.accord.onboarding.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** TMF632 {@code ExternalReference}: the partner's id in another system (e.g. a CRM), kept as given. */
record ExternalReference(@Size(max = 100) String externalReferenceType, @NotBlank @Size(max = 200) String name) {
}

package io.accord.onboarding.partner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** TMF632 {@code ExternalReference}: the partner's id in another system (e.g. a CRM), kept as given. */
@JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation"})
record ExternalReference(@Size(max = 100) String externalReferenceType, @NotBlank @Size(max = 200) String name) {
}

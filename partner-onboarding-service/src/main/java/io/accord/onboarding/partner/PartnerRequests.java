package io.accord.onboarding.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the partner API. */
final class PartnerRequests {

    private PartnerRequests() {
    }

    record CreatePartner(
            @NotBlank @Size(max = 200) String legalName,
            @NotNull PartnerType partnerType,
            @NotNull BusinessModel businessModel,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String settlementCurrency) {
    }

    record StatusChange(@NotBlank @Size(max = 500) String reason) {
    }
}

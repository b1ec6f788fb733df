package io.accord.onboarding.partner;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the partner API. */
final class PartnerRequests {

    private PartnerRequests() {
    }

    /**
     * @param sharedTaxIdReason only where another partner that is not terminated has the tax id: why this one may
     *                          share it (e.g. a group company under its parent's VAT registration); without it such a
     *                          create is refused with 409. Kept in the audit entry {@code tax-id-shared}.
     */
    record CreatePartner(
            @NotBlank @Size(max = 200) String legalName,
            @NotNull PartnerType partnerType,
            @NotNull BusinessModel businessModel,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @Size(max = 40) String taxId,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String settlementCurrency,
            @Size(max = 500) String sharedTaxIdReason) {
    }

    /** Merging a flagged partner into the one it duplicates; the reason is kept in its termination. */
    record Merge(@jakarta.validation.constraints.NotNull java.util.UUID survivorId, @Size(max = 400) String reason) {
    }

    record Dismissal(@Size(max = 500) String reason) {
    }

    @Schema(name = "PartnerContact")
    record Contact(@NotBlank @Size(max = 200) String name,
                   @NotBlank @Email @Size(max = 254) String email,
                   @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "must be a phone number") String phone) {

        ContactPerson toContact() {
            return new ContactPerson(name.strip(), email.strip(), phone == null ? null : phone.strip());
        }
    }

    @Schema(name = "PartnerContacts")
    record Contacts(@NotNull @Valid Contact commercial, @Valid Contact technical, @NotNull @Valid Contact billing) {
    }

    record StatusChange(@NotBlank @Size(max = 500) String reason) {
    }

    /** A reinstatement's body is optional; its reason too. */
    record Reinstatement(@Size(max = 500) String reason) {
    }
}

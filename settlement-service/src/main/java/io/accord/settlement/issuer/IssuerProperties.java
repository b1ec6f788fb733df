package io.accord.settlement.issuer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The CSP's legal entities that issue settlement documents, under {@code accord.settlement.issuing-entities}; the
 * first is the default. The service does not start with none, with a duplicate id or prefix, or a malformed one.
 */
@ConfigurationProperties("accord.settlement")
@Validated
record IssuerProperties(@NotEmpty List<@Valid Entity> issuingEntities) {

    IssuerProperties {
        issuingEntities = issuingEntities == null ? List.of() : List.copyOf(issuingEntities);
        long distinct = issuingEntities.stream().map(Entity::id).distinct().count();
        if (distinct != issuingEntities.size()) {
            throw new IllegalArgumentException("accord.settlement.issuing-entities: ids must be unique");
        }
        long prefixes = issuingEntities.stream().map(Entity::documentNumberPrefix).distinct().count();
        if (prefixes != issuingEntities.size()) {
            throw new IllegalArgumentException("accord.settlement.issuing-entities: document number prefixes must be"
                    + " unique (a document number names its entity)");
        }
    }

    /**
     * @param documentNumberPrefix starts every document number of the entity: {@code PREFIX-YEAR-NUMBER}
     * @param bankAccount          where partners pay (optional)
     */
    record Entity(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}") String id, @NotBlank String name,
                  @NotNull @Valid Address address, @NotBlank String taxId,
                  @NotBlank @Pattern(regexp = "[A-Z0-9]{1,10}") String documentNumberPrefix,
                  @Valid BankAccount bankAccount) {
    }

    /** The account partners pay wholesale invoices and debit notes into, printed on those documents. */
    record BankAccount(@NotBlank @Pattern(regexp = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}") String iban,
                       @Pattern(regexp = "[A-Z0-9]{8}([A-Z0-9]{3})?") String bic) {
    }

    record Address(@NotBlank String street, @NotBlank String postCode, @NotBlank String city,
                   @NotBlank @Pattern(regexp = "[A-Z]{2}") String country) {
    }
}

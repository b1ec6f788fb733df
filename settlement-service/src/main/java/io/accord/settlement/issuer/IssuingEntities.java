package io.accord.settlement.issuer;

import io.accord.platform.problem.NotFoundException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The CSP's legal entities that issue settlement documents (configured, see {@link IssuerProperties}): their name,
 * address, tax id and document number prefix, printed as the issuer on every document.
 */
@Service
@EnableConfigurationProperties(IssuerProperties.class)
public class IssuingEntities {

    private final List<IssuingEntity> entities;

    IssuingEntities(IssuerProperties properties) {
        this.entities = properties.issuingEntities().stream().map(entity -> new IssuingEntity(entity.id(),
                entity.name(), new Address(entity.address().street(), entity.address().postCode(),
                entity.address().city(), entity.address().country()), entity.taxId(),
                entity.documentNumberPrefix(), entity.bankAccount() == null ? null
                : new BankAccount(entity.bankAccount().iban(), entity.bankAccount().bic()))).toList();
    }

    /** Every entity, the default first. */
    public List<IssuingEntity> all() {
        return entities;
    }

    /** The entity documents are issued by unless another is named. */
    public IssuingEntity defaultEntity() {
        return entities.getFirst();
    }

    public Optional<IssuingEntity> find(String id) {
        return entities.stream().filter(entity -> entity.id().equals(id)).findFirst();
    }

    /** The entity, or 404. */
    public IssuingEntity get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Issuing entity", id));
    }

    /** A legal entity of the CSP that issues documents. */
    public record IssuingEntity(String id, String name, Address address, String taxId, String documentNumberPrefix,
                                BankAccount bankAccount) {
    }

    /** Where partners pay the entity's documents; {@code bic} may be {@code null}. */
    public record BankAccount(String iban, String bic) {
    }

    public record Address(String street, String postCode, String city, String country) {
    }
}

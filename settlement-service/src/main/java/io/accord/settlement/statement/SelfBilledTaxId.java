package io.accord.settlement.statement;

import io.accord.platform.problem.ConflictException;
import io.accord.settlement.partner.PartnerTerms;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A self-billed document (a revenue-share statement, or a settlement statement for its revenue-share lines: we issue
 * it in the partner's name for the partner's supply) must carry the partner's tax id, its VAT number (EU VAT rules
 * on self-billing). While settlement does not know it, the statement shows a warning and is neither approved nor
 * issued (409, nothing changed): the draft stays correctable, and the tax id comes from onboarding
 * ({@code PartnerActivated}, later {@code PartnerTaxIdChanged}). A wholesale invoice is ours: it needs no tax id of
 * the partner. A credit or debit note on a self-billed statement is a self-billed document too: its approval and
 * issue are refused the same way.
 */
@Component
class SelfBilledTaxId {

    static final String MISSING = "PARTNER_TAX_ID_MISSING";

    private final PartnerTerms partners;

    SelfBilledTaxId(PartnerTerms partners) {
        this.partners = partners;
    }

    /** The warning a DRAFT or APPROVED self-billed statement shows while the partner's tax id is unknown. */
    List<Statements.Warning> warnings(Statement statement) {
        boolean pending = statement.state() == Statement.State.DRAFT
                || statement.state() == Statement.State.APPROVED;
        return pending ? missing(statement).map(message -> List.of(new Statements.Warning(MISSING, message)))
                .orElse(List.of()) : List.of();
    }

    /** 409 when the statement's document self-bills and the partner's tax id is unknown. */
    void require(Statement statement, String step) {
        missing(statement).ifPresent(message -> {
            throw new ConflictException("Cannot " + step + " statement " + statement.id() + ": " + message
                    + "; nothing was changed");
        });
    }

    /**
     * 409 when a credit or debit note on the statement would self-bill without the partner's tax id: a note on a
     * self-billed statement is a self-billed invoice document too (a note on a wholesale invoice is ours).
     *
     * @param step what is refused, e.g. {@code approve credit note <id>}
     */
    void requireForNote(Statement statement, String step) {
        missingForNote(statement).ifPresent(message -> {
            throw new ConflictException("Cannot " + step + ": " + message + "; nothing was changed");
        });
    }

    private Optional<String> missing(Statement statement) {
        return unknownTaxId(statement).map(fix -> "its document (" + statement.documentType() + ") is self-billed and"
                + " must carry the tax id (VAT number) of partner " + statement.partnerId() + ", which settlement"
                + " does not know: " + fix + ", then the statement can be approved and issued");
    }

    private Optional<String> missingForNote(Statement statement) {
        return unknownTaxId(statement).map(fix -> "it corrects statement " + statement.id() + " (document "
                + statement.documentType() + ", self-billed), so the note is self-billed too and must carry the tax"
                + " id (VAT number) of partner " + statement.partnerId() + ", which settlement does not know: " + fix
                + ", then the note can be approved and issued");
    }

    /** How to make the tax id known, while the statement's document self-bills and settlement does not know it. */
    private Optional<String> unknownTaxId(Statement statement) {
        if (DocumentTypes.WHOLESALE_INVOICE.equals(statement.documentType())) {
            return Optional.empty();
        }
        boolean known = partners.legalData(statement.partnerId())
                .map(PartnerTerms.LegalData::taxId).filter(taxId -> !taxId.isBlank()).isPresent();
        if (known) {
            return Optional.empty();
        }
        return Optional.of("set it in onboarding (PATCH /tmf-api/party/v4/organization/" + statement.partnerId()
                + " with organizationIdentification [{\"identificationType\":\"taxId\",\"identificationId\":...}]);"
                + " settlement learns it from PartnerTaxIdChanged");
    }
}

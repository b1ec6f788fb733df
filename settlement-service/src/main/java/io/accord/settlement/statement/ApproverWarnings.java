package io.accord.settlement.statement;

import io.accord.platform.security.Tenancy;
import io.accord.settlement.adjustment.DisputeAdjustments;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Says on a DRAFT statement who cannot approve it, as soon as it carries dispute corrections: four-eyes refuses its
 * preparer and whoever proposed one of them ({@link Statement#refuseProposerAsApprover}), so a finance team of two
 * who each proposed one would otherwise learn only from two 409s that nobody may approve it. The warning names the
 * way out: moving a correction onto its own note ({@code POST …/adjustments/{adjustmentId}/move}).
 */
@Component
class ApproverWarnings {

    static final String RESTRICTED = "APPROVER_RESTRICTED";

    private final DisputeAdjustments adjustments;
    private final SupersededRateWarnings supersededRates;

    ApproverWarnings(DisputeAdjustments adjustments, SupersededRateWarnings supersededRates) {
        this.adjustments = adjustments;
        this.supersededRates = supersededRates;
    }

    /**
     * {@code others}, then the superseded FX rates of a DRAFT or APPROVED statement ({@link SupersededRateWarnings}:
     * whoever approves or issues it should know first), then the approver warning when the DRAFT statement carries
     * proposed corrections.
     */
    List<Statements.Warning> warnings(Statement statement, List<Statements.Warning> others) {
        List<Statements.Warning> rates = supersededRates.of(statement);
        if (!rates.isEmpty()) {
            others = java.util.stream.Stream.concat(others.stream(), rates.stream()).toList();
        }
        if (statement.state() != Statement.State.DRAFT) {
            return others;
        }
        List<String> proposers = adjustments.proposersOnStatement(statement.id());
        if (proposers.isEmpty()) {
            return others;
        }
        List<Statements.Warning> warnings = new ArrayList<>(others);
        warnings.add(new Statements.Warning(RESTRICTED, message(statement, proposers)));
        return List.copyOf(warnings);
    }

    private static String message(Statement statement, List<String> proposers) {
        String preparer = statement.preparedBy();
        boolean person = preparer != null && !Tenancy.SYSTEM_ACTOR.equals(preparer) && !proposers.contains(preparer);
        return "approval needs a finance user other than " + String.join(", ", proposers) + " (proposed corrections)"
                + (person ? " and " + preparer + " (prepared it)" : "") + "; if there is none, move a correction "
                + "off this draft onto its own credit or debit note (POST /api/settlement/statements/"
                + statement.id() + "/adjustments/{adjustmentId}/move with {\"target\": \"NOTE\"}): the period is "
                + "drafted again without it, and the note is approved by someone other than its proposer";
    }
}

package io.accord.settlement.reconciliation;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a partner reads of its failed usage match: rating's export failing in our words, anything else by kind. */
class UsageMatchFailureTests {

    @Test
    void ratingsExportFailingIsSaidAsItIsWhereverItIsInTheChain() {
        RatingExport.ExportFailed export = new RatingExport.ExportFailed("Rating's export broke off after 12 records:"
                + " Connection reset", null);
        assertThat(UsageMatching.failure(export)).isEqualTo("Rating's export broke off after 12 records:"
                + " Connection reset");
        assertThat(UsageMatching.failure(new IllegalStateException("COPY failed: ...", export)))
                .isEqualTo(export.getMessage());
    }

    @Test
    void aDatabaseErrorIsReportedByItsKindNotItsStatement() {
        SQLException refused = new SQLException("ERROR: could not extend file \"base/16384/24576\": No space left"
                + " on device Where: insert into usage_match_unmatched (match_id, record_no, ...)", "53100");
        String failure = UsageMatching.failure(new IllegalStateException("Matching usage failed: "
                + refused.getMessage(), refused));
        assertThat(failure).isEqualTo("the match stopped at an unexpected error: database error, SQL state 53100"
                + " (details in the settlement service's log under this job's id)");
        assertThat(failure).doesNotContain("usage_match_unmatched", "insert");
    }
}

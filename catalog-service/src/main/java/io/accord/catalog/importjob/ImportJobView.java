package io.accord.catalog.importjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * TMF620 {@code ImportJob} with Accord's extensions: the options ({@code dryRun}, {@code mode}), the owner as a
 * {@code relatedParty}, {@code progress} (phase, rows done of the total), {@code outcomes} (rows per outcome) and
 * {@code attempts} (runs in a row that ended in an unexpected error: above 0, the job is being retried).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImportJobView(String id, String href, String status, String contentType, String path, String url,
                     Instant creationDate, Instant completionDate, String errorLog, Boolean dryRun, String mode,
                     String fileName, Long fileSize, List<PartyRef> relatedParty, Progress progress,
                     Map<String, Long> outcomes, Integer attempts, String rowsHref,
                     @JsonProperty("@type") String type) {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/importJob";
    static final String OFFERINGS_PATH = "/tmf-api/productCatalogManagement/v4/productOffering";

    /** The owner: a partner, or the CSP itself ({@code id} {@code CSP}). */
    @Schema(name = "ImportJobOwner")
    record PartyRef(String id, String role, @JsonProperty("@referredType") String referredType) {
    }

    /**
     * @param phase     COUNT (reading the file), VALIDATE (checking every row), WRITE (importing), DONE
     * @param rowsDone  rows done in the phase
     * @param totalRows rows in the file, once counted
     */
    record Progress(String phase, int rowsDone, Integer totalRows) {
    }

    static ImportJobView of(ImportJob job, Map<String, Long> outcomes) {
        String href = PATH + "/" + job.id();
        PartyRef owner = job.owner() == null ? new PartyRef(ImportOwner.CSP, "Owner", "Organization")
                : new PartyRef(job.owner().value().toString(), "Partner", "Organization");
        return new ImportJobView(job.id().toString(), href, job.status().label(), job.format().mediaType(),
                OFFERINGS_PATH, null, job.creationDate(), job.completionDate(), job.errorLog(), job.dryRun(),
                job.mode().name(), job.fileName(), job.fileSize(), List.of(owner),
                new Progress(job.phase().name(), job.rowsDone(), job.totalRows()), outcomes, job.attempts(),
                href + "/rows", "ImportJob");
    }

    /** One row's result, as {@code GET .../importJob/{id}/rows} lists them. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Row(int row, int line, String externalId, String outcome, List<RowProblem> messages) {

        static Row of(RowResult result) {
            return new Row(result.row(), result.line(), result.externalId(), result.outcome(), result.messages());
        }
    }
}

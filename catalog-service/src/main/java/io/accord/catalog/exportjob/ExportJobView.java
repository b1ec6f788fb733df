package io.accord.catalog.exportjob;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * TMF620 {@code ExportJob}: {@code url} is where the file is downloaded once the job has {@code Succeeded};
 * {@code query} says whose offerings ({@code owner=<partner id>}, {@code owner=CSP}, or empty: the caller's own, all
 * for staff). Accord adds {@code rowCount}, {@code fileSize} and {@code attempts} (runs in a row that ended in an
 * unexpected error: above 0, the job is being retried).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportJobView(String id, String href, String status, String contentType, String path, String query,
                     String url, Instant creationDate, Instant completionDate, String errorLog, Integer rowCount,
                     Long fileSize, Integer attempts, @JsonProperty("@type") String type) {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/exportJob";
    static final String OFFERINGS_PATH = "/tmf-api/productCatalogManagement/v4/productOffering";

    static ExportJobView of(ExportJob job) {
        String href = PATH + "/" + job.id();
        String query = job.allOwners() ? null : "owner=" + (job.owner() == null ? "CSP" : job.owner().value());
        return new ExportJobView(job.id().toString(), href, job.status().label(), job.format().mediaType(),
                OFFERINGS_PATH, query, href + "/file", job.creationDate(), job.completionDate(), job.errorLog(),
                job.rowCount(), job.fileSize(), job.attempts(), "ExportJob");
    }

    /**
     * TMF620 {@code ExportJob_Create}. Every attribute of the schema is accepted; those set by the job itself
     * ({@code status}, dates, {@code url}: Accord serves the file) are ignored.
     *
     * @param contentType {@code text/csv} (the default) or {@code application/json}
     * @param query       {@code owner=<partner id>} or {@code owner=CSP} (staff; empty: every owner), or empty
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "completionDate", "creationDate", "errorLog",
            "status", "url", "path"})
    record Create(String contentType, String query) {
    }
}

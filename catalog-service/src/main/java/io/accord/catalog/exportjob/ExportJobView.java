package io.accord.catalog.exportjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.platform.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
     * TMF620 {@code ExportJob_Create}. The job sets {@code id}, {@code href}, {@code status}, {@code url} (Accord
     * serves the file), {@code creationDate}, {@code completionDate} and {@code errorLog}: a request naming one of them
     * is refused (400 naming it as read-only; JSON {@code null} counts as not given), never silently ignored. An export
     * serves the product offerings only, so {@code path} may name only {@link #OFFERINGS_PATH}; {@code @type} and
     * {@code @baseType} may be {@code ExportJob}, {@code @schemaLocation} an absolute http(s) URI (Accord neither
     * extends nor loads the schema).
     *
     * @param contentType {@code text/csv} (the default) or {@code application/json}
     * @param query       {@code owner=<partner id>} or {@code owner=CSP} (staff; empty: every owner), or empty
     */
    record Create(String contentType, String query, String path, @JsonProperty("@type") String type,
                  @JsonProperty("@baseType") String baseType, @JsonProperty("@schemaLocation") String schemaLocation,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode id,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode href,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode status,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode url,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode creationDate,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode completionDate,
                  @Schema(accessMode = Schema.AccessMode.READ_ONLY) JsonNode errorLog) {

        private static final String TYPE = "ExportJob";

        /** Throws, naming the first attribute a client may not send or not send so; changes nothing. */
        void requireClientAttributes() {
            Map<String, JsonNode> serverOwned = new LinkedHashMap<>();
            serverOwned.put("id", id);
            serverOwned.put("href", href);
            serverOwned.put("status", status);
            serverOwned.put("url", url);
            serverOwned.put("creationDate", creationDate);
            serverOwned.put("completionDate", completionDate);
            serverOwned.put("errorLog", errorLog);
            serverOwned.forEach((name, value) -> {
                if (value != null && !value.isNull()) {
                    throw new InvalidInputException(name, name + " is read-only: the export job sets it"
                            + ("url".equals(name) ? " (Accord serves the file at .../exportJob/{id}/file)" : ""));
                }
            });
            if (path != null && !path.isBlank() && !OFFERINGS_PATH.equals(path.strip())) {
                throw new InvalidInputException("path", "path is " + OFFERINGS_PATH
                        + " or not given: an export serves the product offerings only");
            }
            expected("@type", type);
            expected("@baseType", baseType);
            if (schemaLocation != null && !httpUri(schemaLocation)) {
                throw new InvalidInputException("@schemaLocation", "@schemaLocation is an absolute http(s) URI");
            }
        }

        private static void expected(String name, String value) {
            if (value != null && !TYPE.equals(value)) {
                throw new InvalidInputException(name, name + " is " + TYPE + " or not given");
            }
        }

        private static boolean httpUri(String value) {
            try {
                URI uri = new URI(value);
                return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme())
                        || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
            } catch (URISyntaxException malformed) {
                return false;
            }
        }
    }
}

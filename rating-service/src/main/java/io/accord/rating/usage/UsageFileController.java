package io.accord.rating.usage;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.upload.FileNames;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner's CDR file as a job (docs/rating-usage-api.md): uploaded as a stream, processed in chunks (at once for a
 * small file, in the background for a large one), its progress and its row errors readable.
 */
@RestController
@Tag(name = "Usage (TMF635)")
class UsageFileController {

    static final String FILES = "/api/rating/usage/files";

    private final UsageFileJobs jobs;

    UsageFileController(UsageFileJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping(path = FILES, consumes = "text/csv")
    @PreAuthorize(UsageController.SUBMIT)
    @io.accord.platform.apidocs.RequestExample("rating/usage-file.csv")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the CSV file (UTF-8)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "201", description = "a small file, processed during the upload: the finished job",
            content = @Content(schema = @Schema(implementation = UsageResources.FileJob.class)))
    @ApiResponse(responseCode = "202", description = "a large file, or Prefer: respond-async: the queued job, its"
            + " Location to follow", content = @Content(
            schema = @Schema(implementation = UsageResources.FileJob.class)))
    @ApiResponse(responseCode = "413", description = "over accord.rating.usage-files.max-size",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(operationId = "uploadUsageFile", summary = "Uploads a CSV file of usage (header row; columns usageId,"
            + " source, usageType, subscriberId, startTime, quantity, unit, productId, offeringId, others are"
            + " characteristics) as a job: 201 with the finished job for a small file, 202 with the queued job"
            + " (Location) for a large one or with Prefer: respond-async; 400 naming the file when its header lacks"
            + " a required column (nothing stored). source: a partner's rows default to its partner id (the column"
            + " may be left out, as in the example, which is a partner's file); a staff file must have the column, and"
            + " a staff row whose source is shaped as a partner id (a UUID) is INVALID")
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request,
                                               @RequestHeader(name = "Prefer", required = false) String prefer)
            throws IOException {
        // as the client sent it (the request's character encoding is forced to UTF-8 by the time it arrives here)
        String charset = charsetOf(request.getContentType());
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("US-ASCII")) {
            // it was read as UTF-8 all the same, its other characters replaced
            throw new InvalidInputException("file", "a CDR file is read as UTF-8; this one is sent as charset="
                    + (charset.length() > 40 ? charset.substring(0, 40) : charset)
                    + ": convert it to UTF-8 (or send it without a charset if it is)");
        }
        boolean async = prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
        UsageFileJobs.Upload upload = jobs.upload(request.getInputStream(), fileName(request), async);
        URI location = URI.create(FILES + "/" + upload.job().id());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(upload.processed() ? HttpStatus.CREATED
                : HttpStatus.ACCEPTED).location(location);
        if (async) {
            answer.header("Preference-Applied", "respond-async");
        }
        return answer.body(view(upload.job()));
    }

    @GetMapping(FILES)
    @PreAuthorize(UsageController.READ)
    @Operation(operationId = "listUsageFiles", summary = "The caller's CDR file jobs, newest first (X-Total-Count);"
            + " a partner sees its own, staff all; ?state= (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED) for those"
            + " in one state, e.g. the FAILED ones waiting to be resumed or cancelled")
    @ApiResponse(responseCode = "200", description = "A page of jobs", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = UsageResources.FileJob.class))))
    ResponseEntity<List<Map<String, Object>>> list(@RequestParam(required = false) Integer offset,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String state) {
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return PagedResponse.of(jobs.list(state(state), paging), UsageFileController::view);
    }

    private static UsageFileJob.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return UsageFileJob.State.valueOf(state.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("state", "state is one of "
                    + java.util.Arrays.toString(UsageFileJob.State.values()));
        }
    }

    @GetMapping(FILES + "/{id}")
    @PreAuthorize(UsageController.READ)
    @Operation(operationId = "retrieveUsageFile", summary = "A CDR file job and its progress: state, rows read,"
            + " accepted (rated, suspended), rejected (duplicates, invalid)")
    @ApiResponse(responseCode = "200", description = "The job", content = @Content(
            schema = @Schema(implementation = UsageResources.FileJob.class)))
    Map<String, Object> retrieve(@PathVariable String id) {
        return view(jobs.find(uuid(id)).orElseThrow(() -> notFound(id)));
    }

    @GetMapping(path = FILES + "/{id}/errors", produces = "text/csv")
    @PreAuthorize(UsageController.READ)
    @Operation(operationId = "retrieveUsageFileErrors", summary = "The job's rows not rated, as CSV (row, line,"
            + " outcome, usageId, field, reason, detail), so far while it runs")
    void errors(@PathVariable String id, HttpServletResponse response) throws IOException {
        UsageFileJob job = jobs.find(uuid(id)).orElseThrow(() -> notFound(id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("usage-file-" + job.id() + "-errors.csv").build().toString());
        jobs.writeErrors(job.id(), response.getOutputStream());
    }

    @PostMapping(FILES + "/{id}/resume")
    @PreAuthorize(UsageController.SUBMIT)
    @Operation(operationId = "resumeUsageFile", summary = "Queues a FAILED job again once the cause of its failure is"
            + " fixed: it goes on from its checkpoint (rowsRead), no row is read twice; 409 for a job not FAILED;"
            + " audited")
    @ApiResponse(responseCode = "200", description = "The job", content = @Content(
            schema = @Schema(implementation = UsageResources.FileJob.class)))
    Map<String, Object> resume(@PathVariable String id) {
        return view(jobs.resume(uuid(id)));
    }

    @PostMapping(FILES + "/{id}/cancel")
    @PreAuthorize(UsageController.SUBMIT)
    @Operation(operationId = "cancelUsageFile", summary = "Stops a QUEUED, RUNNING or FAILED job for good at its"
            + " checkpoint and deletes its stored file: the rows read stay done (rated, in suspense, duplicates,"
            + " invalid), the rest are never read; 409 for a job COMPLETED or CANCELLED; audited")
    @ApiResponse(responseCode = "200", description = "The job", content = @Content(
            schema = @Schema(implementation = UsageResources.FileJob.class)))
    Map<String, Object> cancel(@PathVariable String id) {
        return view(jobs.cancel(uuid(id)));
    }

    static Map<String, Object> view(UsageFileJob job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id().toString());
        view.put("href", FILES + "/" + job.id());
        view.put("state", job.state().name());
        view.put("fileName", job.fileName());
        view.put("fileSize", job.fileSize());
        view.put("rowsRead", job.rowsRead());
        view.put("accepted", job.accepted());
        view.put("rejected", job.rejected());
        view.put("rated", job.rated());
        view.put("suspended", job.suspended());
        view.put("duplicates", job.duplicates());
        view.put("invalid", job.invalid());
        view.put("errorsHref", FILES + "/" + job.id() + "/errors");
        view.put("failure", job.failure());
        view.put("attempts", job.attempts());
        view.put("submittedBy", job.submittedBy());
        view.put("createdAt", job.createdAt().toString());
        view.put("startedAt", job.startedAt() == null ? null : job.startedAt().toString());
        view.put("completedAt", job.completedAt() == null ? null : job.completedAt().toString());
        return view;
    }

    /** The file name the client gave in {@code Content-Disposition} (informational only), if any. */
    private static String fileName(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return FileNames.clean(ContentDisposition.parse(header).getFilename());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException bad) {
            throw notFound(id);
        }
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no usage file job "
                + (id.length() > 40 ? id.substring(0, 40) : id));
        problem.setType(URI.create(UsageController.PROBLEM + "not-found"));
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** The {@code charset} parameter of a content type, {@code null} when it has none or cannot be read. */
    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            String charset = org.springframework.http.MediaType.parseMediaType(contentType).getParameter("charset");
            return charset == null ? null : charset.replace("\"", "");
        } catch (org.springframework.util.InvalidMimeTypeException unreadable) {
            return null;
        }
    }
}

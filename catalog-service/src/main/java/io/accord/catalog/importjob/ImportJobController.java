package io.accord.catalog.importjob;

import io.accord.contracts.Roles;
import io.accord.platform.upload.FileNames;
import io.accord.platform.upload.SpooledBody;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * TMF620 importJob: the file is the request body ({@code text/csv} or {@code application/json}), the options are
 * query parameters. The job runs in the background; its status, progress and per-row results are read here.
 */
@RestController
@RequestMapping(ImportJobView.PATH)
@Tag(name = "Catalog import jobs (TMF620)")
class ImportJobController {

    private static final String CSV_EXAMPLE = """
            externalId,name,category,kind,priceExternalId,priceType,amount,currency,recurringPeriod
            ott-basic,Streamo Basic,VIDEO,SINGLE,ott-basic-monthly,RECURRING,7.99,EUR,MONTH
            """;
    private static final String JSON_EXAMPLE = """
            [{"externalId": "ott-basic", "name": "Streamo Basic", "category": "VIDEO", "kind": "SINGLE",
              "prices": [{"priceExternalId": "ott-basic-monthly", "priceType": "RECURRING", "amount": "7.99",
                          "currency": "EUR", "recurringPeriod": "MONTH"}]}]
            """;

    private final ImportJobService service;

    ImportJobController(ImportJobService service) {
        this.service = service;
    }

    @PostMapping(consumes = {"text/csv", "application/json"})
    @PreAuthorize("hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createImportJob", summary = "Upload a catalog file (CSV or JSON) to import in the"
            + " background", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            description = "The file itself; columns and fields in docs/catalog-import.md", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
            @Content(mediaType = "application/json", schema = @Schema(type = "array"),
                    examples = @ExampleObject(name = "json", value = JSON_EXAMPLE))}))
    ResponseEntity<ImportJobView> create(
            HttpServletRequest request,
            @Parameter(description = "validate every row and write nothing")
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "rowByRow (default) writes the valid rows; allOrNothing writes only if every"
                    + " row is valid") @RequestParam(required = false) String mode,
            @Parameter(description = "staff only: the owning partner's id, or CSP")
            @RequestParam(required = false) String owner,
            @Parameter(description = "the file's name, kept with the job") @RequestParam(required = false)
            String fileName) throws IOException {
        FileFormat format = FileFormat.ofMediaType(request.getContentType()).orElseThrow();
        // the file is received before the job's transaction begins: the client's pace holds no connection
        try (SpooledBody file = service.receive(request.getContentLengthLong(), request.getInputStream());
             InputStream body = file.open()) {
            // the job keeps the file's format and a clean, bounded name: the header's parameters and the client's
            // path are not ours to store
            ImportJob job = service.submit(owner, mode, dryRun, new ImportJobService.Upload(format,
                    format.mediaType(), FileNames.clean(fileName), file.size(), body));
            ImportJobView view = ImportJobView.of(job, java.util.Map.of());
            return ResponseEntity.created(URI.create(view.href())).body(view);
        }
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_MANAGER + "', '"
            + Roles.PLATFORM_ADMIN + "')")
    @Operation(operationId = "resumeImportJob", summary = "Accord extension: a job that failed after its attempts at"
            + " an unexpected error goes on from its checkpoint once the cause is fixed (no row is imported twice);"
            + " 409 for any other job (a job that failed at its file or its rows is sent again, corrected); audited")
    ImportJobView resume(@PathVariable String id) {
        ImportJob job = service.resume(id);
        return ImportJobView.of(job, service.outcomes(job));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveImportJob", summary = "Read an import job: status, progress and rows per"
            + " outcome")
    ImportJobView get(@PathVariable String id) {
        ImportJob job = service.get(id);
        return ImportJobView.of(job, service.outcomes(job));
    }

    @GetMapping
    @Operation(operationId = "listImportJobs", summary = "List import jobs (a partner sees its own), newest first")
    ResponseEntity<List<ImportJobView>> list(@RequestParam(required = false) Integer offset,
                                             @RequestParam(required = false) Integer limit,
                                             @Parameter(description = "only jobs in this status: Not Started,"
                                                     + " Running, Succeeded, Failed (any case; a comma separates"
                                                     + " alternatives, e.g. Running,Failed)")
                                             @RequestParam(required = false) String status) {
        return PagedResponse.of(service.list(OffsetLimit.of(offset, limit, Sort.unsorted()), status),
                job -> ImportJobView.of(job, null));
    }

    @GetMapping("/{id}/rows")
    @Operation(operationId = "listImportJobRows", summary = "Page through an import job's per-row results, e.g."
            + " only the INVALID ones")
    ResponseEntity<List<ImportJobView.Row>> rows(@PathVariable String id,
                                                 @RequestParam(required = false) Integer offset,
                                                 @RequestParam(required = false) Integer limit,
                                                 @RequestParam(required = false) String outcome) {
        return PagedResponse.of(service.rows(id, outcome, OffsetLimit.of(offset, limit, Sort.unsorted())),
                ImportJobView.Row::of);
    }
}

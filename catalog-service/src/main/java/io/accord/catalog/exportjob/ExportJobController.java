package io.accord.catalog.exportjob;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** TMF620 exportJob: a catalog exported in the background as a file that imports again unchanged. */
@RestController
@RequestMapping(ExportJobView.PATH)
@Tag(name = "Catalog export jobs (TMF620)")
class ExportJobController {

    private final ExportJobService service;

    ExportJobController(ExportJobService service) {
        this.service = service;
    }

    @PostMapping(consumes = "application/json")
    @PreAuthorize("hasAnyRole('" + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "', '"
            + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '"
            + Roles.FINANCE + "', '" + Roles.AUDITOR + "')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createExportJob", summary = "Export a catalog (CSV or JSON) in the background")
    @RequestExample("catalog/export-job.json")
    ResponseEntity<ExportJobView> create(@RequestBody(required = false) ExportJobView.Create request) {
        ExportJobView view = ExportJobView.of(service.request(request));
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveExportJob", summary = "Read an export job; its file is at url once Succeeded")
    ExportJobView get(@PathVariable String id) {
        return ExportJobView.of(service.get(id));
    }

    @GetMapping
    @Operation(operationId = "listExportJobs", summary = "List export jobs (a partner sees its own), newest first")
    ResponseEntity<List<ExportJobView>> list(@RequestParam(required = false) Integer offset,
                                             @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.list(OffsetLimit.of(offset, limit, Sort.unsorted())), ExportJobView::of);
    }

    @GetMapping("/{id}/file")
    @Operation(operationId = "downloadExportFile", summary = "Download the exported file (409 until the job has"
            + " Succeeded)")
    void download(@PathVariable String id, HttpServletResponse response) throws IOException {
        ExportJob job = service.get(id);
        ExportJobService.requireFile(job);
        response.setContentType(job.format().mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalog-export-" + job.id() + "."
                + job.format().extension() + "\"");
        if (job.fileSize() != null) {
            response.setContentLengthLong(job.fileSize());
        }
        service.download(job, response.getOutputStream());
    }
}

package io.accord.settlement.reconciliation;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Record-level usage matching of an invoice's CDR file against our rated usage. */
@RestController
@Tag(name = "Partner invoices and reconciliation")
class UsageMatchController {

    private final UsageMatching matching;

    UsageMatchController(UsageMatching matching) {
        this.matching = matching;
    }

    @PostMapping(InvoiceResources.INVOICES + "/{id}/usage-matches")
    @PreAuthorize(PartnerInvoiceController.SUBMITTERS)
    @Operation(operationId = "startUsageMatch", summary = "Match the invoice's CDR file against our rated usage "
            + "of its period (read from rating with the caller's token); 202, progress at Location")
    @RequestExample("settlement/usage-match-request.json")
    @ApiResponse(responseCode = "202", description = "The match, RUNNING; its progress at Location")
    ResponseEntity<InvoiceResources.UsageMatchView> start(
            @PathVariable UUID id, @RequestBody(required = false) InvoiceResources.UsageMatchRequest request) {
        InvoiceResources.UsageMatchView view = matching.start(id, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(view.href())).body(view);
    }

    @GetMapping(InvoiceResources.USAGE_MATCHES + "/{id}")
    @PreAuthorize(PartnerInvoiceController.READERS)
    @Operation(operationId = "retrieveUsageMatch", summary = "A usage match: state (RUNNING, COMPLETED, FAILED) "
            + "and per outcome the count and both sides' quantities and amounts (a partner: its own)")
    InvoiceResources.UsageMatchView get(@PathVariable UUID id) {
        return matching.find(id).orElseThrow(() -> new NotFoundException("Usage match", id));
    }

    @GetMapping(InvoiceResources.USAGE_MATCHES + "/{id}/unmatched")
    @PreAuthorize(PartnerInvoiceController.READERS)
    @Operation(operationId = "downloadUnmatchedUsage", summary = "The records a completed match did not match "
            + "(ONLY_THEIRS, ONLY_OURS, DIFFERENT_QUANTITY, DIFFERENT_AMOUNT) as CSV, streamed")
    void unmatched(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        InvoiceResources.UsageMatchView match = matching.find(id)
                .orElseThrow(() -> new NotFoundException("Usage match", id));
        if (!"COMPLETED".equals(match.state())) {
            throw new ConflictException("Usage match " + id + " is " + match.state() + ": its unmatched records "
                    + "are ready when it has COMPLETED");
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"unmatched-" + id + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        matching.unmatchedCsv(id, out);
    }
}

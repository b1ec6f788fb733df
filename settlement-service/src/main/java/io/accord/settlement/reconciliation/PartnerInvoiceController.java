package io.accord.settlement.reconciliation;

import io.accord.contracts.Roles;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.RequestAuthorization;
import io.accord.platform.upload.InspectedContent;
import io.accord.platform.upload.SpooledBody;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Partner invoices: a partner submits its own (JSON, or a CSV of lines with an optional PDF), finance on a partner's
 * behalf; the CDR file is streamed in separately; staff and the partner read them and start reconciliations.
 */
@RestController
@Tag(name = "Partner invoices and reconciliation")
class PartnerInvoiceController {

    static final String SUBMITTERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";
    static final String READERS = "hasAnyRole('" + Roles.FINANCE + "', '" + Roles.PLATFORM_ADMIN + "', '"
            + Roles.AUDITOR + "', '" + Roles.OPS + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN
            + "', '" + Roles.PARTNER_USER + "')";

    private final Reconciliations reconciliations;
    private final UsageMatching usage;

    PartnerInvoiceController(Reconciliations reconciliations, UsageMatching usage) {
        this.reconciliations = reconciliations;
        this.usage = usage;
    }

    /** The multipart form: the invoice's fields, its lines as a CSV ({@code file}) and an optional {@code pdf}. */
    record InvoiceForm(String partnerId, String periodId, String invoiceNumber, String invoiceDate, String currency,
                       MultipartFile file, MultipartFile pdf) {
    }

    /** A text value sent where a file part belongs is no file (not a binding error answering 500). */
    @InitBinder
    void textIsNoFile(WebDataBinder binder) {
        binder.registerCustomEditor(MultipartFile.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(null);
            }
        });
    }

    @PostMapping(path = InvoiceResources.INVOICES, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(SUBMITTERS)
    @Operation(operationId = "submitPartnerInvoice", summary = "Submit a partner invoice for a settlement period "
            + "with its lines (JSON); reconciled at once when our statement of the period is issued")
    @RequestExample("settlement/partner-invoice.json")
    @ApiResponse(responseCode = "201", description = "The invoice, with its "
            + "reconciliation when there was one; Location: the invoice")
    ResponseEntity<InvoiceResources.InvoiceView> submit(@RequestBody InvoiceResources.SubmitInvoice request) {
        return created(reconciliations.submit(request, null, null));
    }

    @PostMapping(path = InvoiceResources.INVOICES + "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(SUBMITTERS)
    @Operation(operationId = "uploadPartnerInvoice", summary = "Submit a partner invoice as a CSV of lines "
            + "(multipart: file, optional pdf checked by content, and the invoice fields)")
    @RequestExample(value = "settlement/partner-invoice-lines.csv", fields = {
            "periodId=<settlement period id>", "invoiceNumber=INV-2026-0042", "invoiceDate=2026-04-03",
            "currency=EUR"})
    @ApiResponse(responseCode = "201", description = "The invoice, with its "
            + "reconciliation when there was one; Location: the invoice")
    ResponseEntity<InvoiceResources.InvoiceView> upload(@ModelAttribute InvoiceForm form) {
        if (form.file() == null || form.file().isEmpty()) {
            throw InvoiceRejected.of("file", "The invoice lines are required: a CSV file in the part 'file'");
        }
        List<InvoiceLines.Numbered> lines;
        try (InputStream in = form.file().getInputStream()) {
            lines = InvoiceLines.fromCsv(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        Reconciliations.PdfUpload pdf = null;
        if (form.pdf() != null) {
            try {
                pdf = new Reconciliations.PdfUpload(form.pdf().getBytes(), form.pdf().getOriginalFilename());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return created(reconciliations.submit(new InvoiceResources.SubmitInvoice(form.partnerId(), form.periodId(),
                form.invoiceNumber(), form.invoiceDate(), form.currency(), null), lines, pdf));
    }

    @PutMapping(path = InvoiceResources.INVOICES + "/{id}/usage-file", consumes = "text/csv")
    @PreAuthorize(SUBMITTERS)
    @Operation(operationId = "uploadPartnerUsageFile", summary = "Upload (or replace) the invoice's CDR file: CSV "
            + "with a header (usageId, subscriberId, startTime, quantity; optional usageType, amount), streamed; "
            + "all rows or none")
    InvoiceResources.InvoiceView usageFile(@PathVariable UUID id,
                                           @Parameter(description = "the file's name, for the record")
                                           @RequestParam(required = false) String fileName,
                                           HttpServletRequest request) throws IOException {
        try (SpooledBody file = usage.receive(request.getInputStream())) {
            return usage.uploadUsage(id, file::open, fileName);
        }
    }

    @GetMapping(InvoiceResources.INVOICES)
    @PreAuthorize(READERS)
    @Operation(operationId = "listPartnerInvoices", summary = "Partner invoices, newest first, without their lines, "
            + "each with its latest reconciliation and usage match; paged by offset and limit (a partner: its own)")
    ResponseEntity<List<InvoiceResources.InvoiceView>> list(@RequestParam(required = false) String partnerId,
                                                            @RequestParam(required = false) String periodId,
                                                            @RequestParam(required = false) Integer offset,
                                                            @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(reconciliations.invoices(uuid("partnerId", partnerId), uuid("periodId", periodId),
                OffsetLimit.of(offset, limit, Sort.unsorted())), view -> view);
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(field, field + " must be a UUID, was '" + value + "'");
        }
    }

    @GetMapping(InvoiceResources.INVOICES + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrievePartnerInvoice", summary = "A partner invoice with its lines and its latest "
            + "reconciliation (a partner: its own)")
    InvoiceResources.InvoiceView get(@PathVariable UUID id) {
        return reconciliations.invoice(id).orElseThrow(() -> new NotFoundException("Partner invoice", id));
    }

    @GetMapping(InvoiceResources.INVOICES + "/{id}/pdf")
    @PreAuthorize(READERS)
    @Operation(operationId = "downloadPartnerInvoicePdf", summary = "The invoice's PDF with its recorded SHA-256")
    void pdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        InvoiceStore.Pdf pdf = reconciliations.pdf(id)
                .orElseThrow(() -> new NotFoundException("PDF of partner invoice", id));
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setContentLengthLong(pdf.bytes().length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"invoice-" + id + ".pdf\"");
        response.setHeader("Digest", InspectedContent.digestHeader(pdf.sha256()));
        response.getOutputStream().write(pdf.bytes());
    }

    @PostMapping(InvoiceResources.INVOICES + "/{id}/reconciliations")
    @PreAuthorize(SUBMITTERS)
    @Operation(operationId = "reconcilePartnerInvoice", summary = "Reconcile the invoice line by line against our "
            + "issued statement of its period (optional keys: OFFERING, USAGE_TYPE, PERIOD, REFERENCE)")
    @RequestExample("settlement/reconciliation-request.json")
    @ApiResponse(responseCode = "201", description = "The reconciliation; Location: the reconciliation")
    ResponseEntity<InvoiceResources.ReconciliationView> reconcile(
            @PathVariable UUID id, @RequestBody(required = false) InvoiceResources.ReconcileRequest request) {
        InvoiceResources.ReconciliationView view = reconciliations.reconcile(id, request == null ? null
                : request.keys());
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    @GetMapping(InvoiceResources.RECONCILIATIONS + "/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "retrieveReconciliation", summary = "A reconciliation: per compared key its outcome, "
            + "our amount, theirs, the difference and the tolerance (a partner: its own)")
    InvoiceResources.ReconciliationView reconciliation(@PathVariable UUID id) {
        return reconciliations.reconciliation(id).orElseThrow(() -> new NotFoundException("Reconciliation", id));
    }

    private static ResponseEntity<InvoiceResources.InvoiceView> created(InvoiceResources.InvoiceView view) {
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    /**
     * Who may submit, checked in the security filter before anything of the request is read: the starter's early check
     * of {@code @PreAuthorize} runs once an operation is chosen, and none is chosen for a body of another Content-Type
     * (an auditor's upload sent as {@code application/json} was a 415, not a 403) nor before a multipart body is
     * parsed.
     */
    @Configuration(proxyBeanMethods = false)
    static class Rules {

        @Bean
        RequestAuthorization partnerInvoiceRules() {
            String[] submitters = {Roles.FINANCE, Roles.PARTNER_ADMIN, Roles.PARTNER_USER};
            return requests -> requests
                    .requestMatchers(HttpMethod.POST, InvoiceResources.INVOICES, InvoiceResources.INVOICES + "/**")
                    .hasAnyRole(submitters)
                    .requestMatchers(HttpMethod.PUT, InvoiceResources.INVOICES + "/*/usage-file")
                    .hasAnyRole(submitters);
        }
    }
}

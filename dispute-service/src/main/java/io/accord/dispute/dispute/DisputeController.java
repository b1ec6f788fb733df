package io.accord.dispute.dispute;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.upload.InspectedContent;
import io.accord.platform.web.IfMatch;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * What TMF621 has no place for: evidence, the workflow steps, internal notes, SLA views. A step answers the ticket with
 * its ETag and honours If-Match ({@link TicketTags}): taken from a page someone changed since, 412 and nothing done.
 */
@RestController
@RequestMapping(DisputeResources.API)
@Tag(name = "Dispute workflow")
class DisputeController {

    private static final String BULK_IF_MATCH = "Optional: the ETags the trouble tickets were last read with, one"
            + " per dispute (a ticket's tag is a digest of that ticket, so it names no other); when a ticket shows"
            + " anything else now, 412 with its current ETag and none is assigned";

    private final DisputeService service;
    private final DisputeAssignments assignments;
    private final TicketTags tags;

    DisputeController(DisputeService service, DisputeAssignments assignments, TicketTags tags) {
        this.service = service;
        this.assignments = assignments;
        this.tags = tags;
    }

    /**
     * @param file         the evidence; its type is judged by its bytes (PDF, PNG or JPEG)
     * @param name         what it shows (default: the file name)
     * @param attachmentId an existing attachment of the dispute to add a version to
     */
    @Schema(name = "DisputeEvidence")
    record EvidenceForm(@NotNull(message = "a file part is required") MultipartFile file, @Size(max = 255) String name,
                        String attachmentId) {
    }

    /** A text field sent where the file part belongs is no file: "a file part is required". */
    @InitBinder
    void textIsNoFile(WebDataBinder binder) {
        binder.registerCustomEditor(MultipartFile.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(null);
            }
        });
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DisputeConfiguration.PARTIES)
    @Operation(operationId = "addDisputeEvidence", summary = "Upload evidence (multipart: file, optional name; "
            + "attachmentId to add a version to one of your side's attachments, else 409); type checked by content, "
            + "size limited, SHA-256 recorded; "
            + "201 with Location = the attachment's content URL and the ticket as body, with its new ETag "
            + "(If-Match: 412 when stale)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample(value = "disputes/evidence.pdf", fields = "name=Our CDR extract for March")
    ResponseEntity<DisputeResources.TicketView> attach(@PathVariable String id,
                                                      @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
                                                      @Valid @ModelAttribute EvidenceForm form) {
        DisputeService.Attached attached = service.attach(id, ifMatch, form.attachmentId(), form.name(),
                bytes(form.file()), form.file().getOriginalFilename());
        return ResponseEntity.created(URI.create(attached.href())).eTag(tags.of(attached.ticket()))
                .body(attached.ticket());
    }

    @GetMapping("/{id}/attachments/{attachmentId}/content")
    @PreAuthorize(DisputeConfiguration.READERS)
    @Operation(operationId = "downloadDisputeEvidence", summary = "Download an attachment's latest version "
            + "(or ?version=N), with its recorded SHA-256, saved under its uploaded file name (RFC 6266)")
    void download(@PathVariable String id, @PathVariable String attachmentId,
                  @RequestParam(required = false) Integer version, HttpServletResponse response) throws IOException {
        Evidence.Content content = service.content(id, attachmentId, version);
        response.setContentType(content.mimeType());
        response.setContentLengthLong(content.bytes().length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, content.contentDisposition());
        response.setHeader("Digest", InspectedContent.digestHeader(content.sha256()));
        response.setHeader("X-Checksum-SHA256", content.sha256());
        response.getOutputStream().write(content.bytes());
    }

    @GetMapping("/{id}/attachments/{attachmentId}/versions")
    @PreAuthorize(DisputeConfiguration.READERS)
    @Operation(operationId = "listDisputeEvidenceVersions", summary = "Every version of an attachment, the first "
            + "first: number, file name, type, size, SHA-256, who uploaded it (uploadedBy, uploaderSide) and when; "
            + "href downloads it")
    List<DisputeResources.AttachmentVersionView> versions(@PathVariable String id,
                                                         @PathVariable String attachmentId) {
        return service.versions(id, attachmentId);
    }

    @PostMapping("/{id}/comments")
    @PreAuthorize(DisputeConfiguration.PARTIES)
    @Operation(operationId = "commentOnDispute", summary = "Add a comment both sides see (a staff comment is the "
            + "first response); answers the ticket with its new ETag (a comment takes no If-Match: it adds to the "
            + "thread)")
    @RequestExample("disputes/comment.json")
    ResponseEntity<DisputeResources.TicketView> comment(@PathVariable String id,
                                                        @Valid @RequestBody DisputeResources.CommentRequest request) {
        return tags.ok(service.comment(id, request.text()));
    }

    @PostMapping("/{id}/internal-notes")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "addDisputeInternalNote", summary = "Add a staff-internal note the partner never sees; "
            + "answers the note with the ticket's ETag (If-Match: 412 when stale)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("disputes/internal-note.json")
    ResponseEntity<DisputeResources.InternalNoteView> internalNote(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.CommentRequest request) {
        DisputeService.Noted noted = service.internalNote(id, ifMatch, request.text());
        return ResponseEntity.created(URI.create(DisputeResources.API + "/" + id + "/internal-notes"))
                .eTag(tags.of(noted.ticket())).body(noted.note());
    }

    @GetMapping("/{id}/internal-notes")
    @PreAuthorize(DisputeConfiguration.STAFF_READERS)
    @Operation(operationId = "listDisputeInternalNotes", summary = "Read the staff-internal notes (staff only)")
    List<DisputeResources.InternalNoteView> internalNotes(@PathVariable String id) {
        return service.internalNotes(id);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "startDisputeReview", summary = "Take an open or escalated dispute into review "
            + "(If-Match: 412 when stale)")
    ResponseEntity<DisputeResources.TicketView> review(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch) {
        return tags.ok(service.startReview(id, ifMatch));
    }

    @PostMapping("/{id}/proposal")
    @PreAuthorize(DisputeConfiguration.FINANCE)
    @Operation(operationId = "proposeDisputeResolution", summary = "Propose the adjustment (finance): a full or "
            + "partial credit or debit with its reason; amount 0 turns the dispute down (If-Match: 412 when stale)")
    @RequestExample("disputes/proposal.json")
    ResponseEntity<DisputeResources.TicketView> propose(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.ProposalRequest request) {
        return tags.ok(service.propose(id, ifMatch, request));
    }

    @PostMapping("/{id}/acceptance")
    @PreAuthorize(DisputeConfiguration.PARTNERS)
    @Operation(operationId = "acceptDisputeResolution", summary = "Accept the proposed resolution (the partner): "
            + "the dispute is resolved and its adjustment goes to settlement (If-Match: 412 when stale)")
    ResponseEntity<DisputeResources.TicketView> accept(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch) {
        return tags.ok(service.accept(id, ifMatch));
    }

    @PostMapping("/{id}/rejection")
    @PreAuthorize(DisputeConfiguration.PARTNERS)
    @Operation(operationId = "rejectDisputeResolution", summary = "Reject the proposed resolution with a reason "
            + "(the partner): the dispute goes back to review (If-Match: 412 when stale)")
    @RequestExample("disputes/rejection.json")
    ResponseEntity<DisputeResources.TicketView> reject(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.ReasonRequest request) {
        return tags.ok(service.reject(id, ifMatch, request.reason()));
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize(DisputeConfiguration.PARTNERS)
    @Operation(operationId = "withdrawDispute", summary = "Withdraw the dispute before it is resolved (the partner; "
            + "If-Match: 412 when stale)")
    @RequestExample("disputes/withdrawal.json")
    ResponseEntity<DisputeResources.TicketView> withdraw(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.ReasonRequest request) {
        return tags.ok(service.withdraw(id, ifMatch, request.reason()));
    }

    @PostMapping("/{id}/escalation")
    @PreAuthorize(DisputeConfiguration.PARTIES)
    @Operation(operationId = "escalateDispute", summary = "Escalate an open or in-review dispute to the escalation "
            + "role (default partner-manager), alongside finance (If-Match: 412 when stale)")
    @RequestExample("disputes/escalation.json")
    ResponseEntity<DisputeResources.TicketView> escalate(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.OptionalReason request) {
        return tags.ok(service.escalate(id, ifMatch, request.reason()));
    }

    @PostMapping("/{id}/information-request")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "requestDisputeInformation", summary = "Ask the partner for information (staff, on a "
            + "dispute in review or escalated): it becomes pendingInformation, the question its status change reason, "
            + "and its resolution deadline is paused until the partner answers (If-Match: 412 when stale)")
    @RequestExample("disputes/information-request.json")
    ResponseEntity<DisputeResources.TicketView> requestInformation(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.InformationRequest request) {
        return tags.ok(service.requestInformation(id, ifMatch, request.question()));
    }

    @PostMapping("/{id}/information")
    @PreAuthorize(DisputeConfiguration.PARTNERS)
    @Operation(operationId = "provideDisputeInformation", summary = "Answer staff's question (the partner, while "
            + "the dispute is pendingInformation; a comment then answers too): the text joins the thread, the dispute "
            + "goes back to review and its resolution deadline moves on by the business days it waited (If-Match: 412 "
            + "when stale)")
    @RequestExample("disputes/information.json")
    ResponseEntity<DisputeResources.TicketView> provideInformation(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.CommentRequest request) {
        return tags.ok(service.provideInformation(id, ifMatch, request.text()));
    }

    @PutMapping("/{id}/assignee")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "assignDispute", summary = "Give the dispute to a staff user (\"me\": yourself), "
            + "unless it is closed or withdrawn (409); staff only see who, never the partner; a concurrent change is "
            + "a 409 (If-Match: 412 when stale)")
    @RequestExample("disputes/assignee.json")
    ResponseEntity<DisputeResources.TicketView> assign(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.AssigneeRequest request) {
        return tags.ok(assignments.assign(id, ifMatch, request.assignee()));
    }

    @DeleteMapping("/{id}/assignee")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "unassignDispute", summary = "Leave the dispute to nobody (If-Match: 412 when stale)")
    ResponseEntity<DisputeResources.TicketView> unassign(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch) {
        return tags.ok(assignments.unassign(id, ifMatch));
    }

    @PostMapping("/assignments")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "assignDisputes", summary = "Give many disputes (up to 500) to one staff user, all or "
            + "none: a 400 naming every dispute that is unknown or closed or withdrawn (unknown, notAssignable), "
            + "and nothing is assigned; a concurrent change to one is a 409 and assigns none; If-Match lists the ETag "
            + "of each ticket as read: when one shows anything else now, 412 naming it and none is assigned")
    @RequestExample("disputes/assignments.json")
    DisputeResources.BulkAssignmentView assignAll(
            @Parameter(description = BULK_IF_MATCH) IfMatch ifMatch,
            @Valid @RequestBody DisputeResources.BulkAssignmentRequest request) {
        return assignments.assignAll(request.disputeIds(), ifMatch, request.assignee());
    }

    @PostMapping("/{id}/closure")
    @PreAuthorize(DisputeConfiguration.WORKERS)
    @Operation(operationId = "closeDispute", summary = "Close a resolved dispute (If-Match: 412 when stale)")
    ResponseEntity<DisputeResources.TicketView> close(
            @PathVariable String id, @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch) {
        return tags.ok(service.close(id, ifMatch));
    }

    @GetMapping("/{id}/sla")
    @PreAuthorize(DisputeConfiguration.READERS)
    @Operation(operationId = "getDisputeSla", summary = "The dispute's SLA deadlines (business days) and breaches")
    DisputeResources.SlaView sla(@PathVariable String id) {
        return service.sla(id);
    }

    @GetMapping("/kpis")
    @PreAuthorize(DisputeConfiguration.READERS)
    @Operation(operationId = "getDisputeKpis", summary = "Dispute KPIs: open by age, category and partner; mean "
            + "and p95 time to resolution (ISO durations); disputed, credited, debited and net (adjusted) amount; SLA "
            + "breach rate "
            + "(staff: every partner; a partner: its own)")
    DisputeKpis.Kpis kpis() {
        return DisputeKpis.of(service.scoped(), service.now());
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }
}

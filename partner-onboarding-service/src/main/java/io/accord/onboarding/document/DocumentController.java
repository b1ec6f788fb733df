package io.accord.onboarding.document;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.beans.PropertyEditorSupport;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * TMF667 documents. Upload is multipart (the file plus metadata fields) instead of TMF's JSON body with base64
 * content: files go up to the size limit without a third more bytes and without buffering a JSON document.
 */
@RestController
@RequestMapping(DocumentController.PATH)
@Tag(name = "Documents (TMF667)")
class DocumentController {

    static final String PATH = "/tmf-api/document/v4/document";

    private final DocumentService service;
    private final ResourceLists lists;
    private final Clock clock;

    DocumentController(DocumentService service, ResourceLists lists, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.lists = lists;
    }

    /** A text field sent where the file part belongs is no file: "a file part is required", not a binding error. */
    @InitBinder
    void textIsNoFile(WebDataBinder binder) {
        binder.registerCustomEditor(MultipartFile.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(null);
            }
        });
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DocumentAuthorization.UPLOADERS)
    @Operation(operationId = "uploadDocument",
            summary = "Upload a document (multipart: file, documentType, name, optional expiryDate; staff also "
            + "partnerId). The type is checked by content: PDF, PNG or JPEG.")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample(value = "onboarding/tax-form.pdf", fields = {"documentType=TAX_FORM",
            "name=Tax registration 2027", "partnerId=11111111-1111-4111-8111-111111111111"})
    ResponseEntity<DocumentView> upload(@Valid @ModelAttribute DocumentForms.Upload form) {
        DocumentView created = service.upload(form);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @PostMapping(path = "/{id}/version", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DocumentAuthorization.UPLOADERS)
    @Operation(operationId = "addDocumentVersion",
            summary = "Upload a new version (multipart: file, optional expiryDate); earlier versions stay")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample(value = "onboarding/tax-form.pdf", fields = "expiryDate=2028-12-31")
    ResponseEntity<DocumentVersionView> addVersion(@PathVariable UUID id,
                                                   @Valid @ModelAttribute DocumentForms.NewVersion form) {
        DocumentVersionView created = service.addVersion(id, form);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(DocumentAuthorization.READERS)
    @Operation(operationId = "listDocuments",
            summary = "List documents (staff: all; a partner: its own), paged by offset and limit; filter by any "
            + "simple top-level attribute (?documentType=, ?name=...), fields= selection")
    ResponseEntity<List<DocumentView>> list(
            @Parameter(description = "only documents whose expiryDate is from today to today + N days")
            @RequestParam(required = false) Integer expiringWithinDays,
            @Parameter(description = "only documents of this owner (partner or application id)")
            @RequestParam(name = DocumentFilter.RELATED_PARTY_ID, required = false) String relatedPartyId,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Document> criteria = DocumentFilter.FILTER.criteria(request.getParameterMap());
        UUID owner = relatedPartyId == null ? null : DocumentFilter.uuid(relatedPartyId);
        DocumentQuery query = new DocumentQuery(expiringWithinDays, owner, LocalDate.now(clock));
        OffsetLimit paging = OffsetLimit.of(offset, limit, query.sort());
        return lists.list(criteria, paging, page -> relatedPartyId != null && owner == null ? Page.empty(page)
                : service.list(query, criteria.database(), page), view -> view);
    }

    @GetMapping("/{id}")
    @PreAuthorize(DocumentAuthorization.READERS)
    @Operation(operationId = "retrieveDocument", summary = "Read a document (its latest version as the attachment)")
    DocumentView get(@PathVariable UUID id) {
        return service.get(id);
    }

    @GetMapping("/{id}/version")
    @PreAuthorize(DocumentAuthorization.READERS)
    @Operation(operationId = "listDocumentVersions", summary = "List every version of a document, oldest first")
    List<DocumentVersionView> versions(@PathVariable UUID id) {
        return service.versions(id);
    }

    @GetMapping("/{id}/version/{version}")
    @PreAuthorize(DocumentAuthorization.READERS)
    @Operation(operationId = "retrieveDocumentVersion", summary = "Read one version of a document")
    DocumentVersionView version(@PathVariable UUID id, @PathVariable int version) {
        return service.version(id, version);
    }

    static String versionPath(UUID id, int version) {
        return PATH + "/" + id + "/version/" + version;
    }

    static String contentPath(UUID id, int version) {
        return versionPath(id, version) + "/content";
    }
}

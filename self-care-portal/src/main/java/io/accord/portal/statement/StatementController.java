package io.accord.portal.statement;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.portal.gateway.Gateway;

/**
 * One statement ({@link StatementPage}): its figures, lines, payments and credit/debit notes, each issued note's PDF
 * downloaded through the portal as the statement's is, and its lines as CSV. Open to whoever opens the statements
 * list; settlement decides which statements and notes the user sees (a partner: its own, issued).
 */
@Controller
class StatementController {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final StatementPage page;
    private final Gateway gateway;

    StatementController(StatementPage page, Gateway gateway) {
        this.page = page;
        this.gateway = gateway;
    }

    @GetMapping("/statements/{id}")
    String statement(@PathVariable UUID id, @AuthenticationPrincipal OidcUser principal, Model model) {
        return page.show(id, principal, model);
    }

    /**
     * The statement's lines as CSV, settlement's export passed on as it comes (UTF-8, a header row, amounts as
     * settlement keeps them, its file name {@code <document number>-lines.csv}); a malformed id is a 400 before any
     * call, another partner's statement a 404.
     */
    @GetMapping("/statements/{id}/lines.csv")
    ResponseEntity<StreamingResponseBody> lines(@PathVariable UUID id) {
        return gateway.download(StatementPage.API + "/lines", TEXT_CSV, id + "-lines.csv", id);
    }

    /** An issued note's PDF; a malformed id is a 400 before any call, another partner's (or a draft) a 404. */
    @GetMapping("/statements/notes/{noteId}/document")
    ResponseEntity<StreamingResponseBody> noteDocument(@PathVariable UUID noteId) {
        return gateway.download("/api/settlement/notes/{id}/document", MediaType.APPLICATION_PDF,
                "note-" + noteId + ".pdf", noteId);
    }
}

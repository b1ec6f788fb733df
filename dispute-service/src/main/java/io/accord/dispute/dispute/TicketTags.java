package io.accord.dispute.dispute;

import io.accord.platform.problem.PreconditionFailedException;
import io.accord.platform.web.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A trouble ticket's entity tag (RFC 9110, strong): a digest of the ticket as the caller is shown it, not the dispute
 * row's version as the starter's {@code EntityTags} takes it. The ticket shows rows that version does not cover
 * (comments, attachments, where settlement placed the adjustment and that document's number, written by other
 * transactions and events), and a partner is shown less than staff (no assignee, no staff names): a digest moves
 * exactly when what the caller sees moves, so an assignment, which a partner never sees, does not tell it that
 * something changed. Staff share one tag, a partner's users another; {@code fields=} keeps the tag of the whole ticket.
 */
@Component
class TicketTags {

    /** The header parameter's description in the API documentation. */
    static final String IF_MATCH = "Optional: the ETag the trouble ticket was last read with (GET, or a step's answer);"
            + " when the ticket shows anything else now, 412 with its current ETag and nothing is changed. Without it"
            + " the step applies to the dispute as it is";

    private final JsonMapper json;

    TicketTags(JsonMapper json) {
        this.json = json;
    }

    /** The ticket's entity tag, quoted: 32 hex digits of the SHA-256 of its JSON. */
    String of(DisputeResources.TicketView ticket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(ticket));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** 200 with the ticket and its {@code ETag} (on a GET, 304 without a body when If-None-Match names it). */
    ResponseEntity<DisputeResources.TicketView> ok(DisputeResources.TicketView ticket) {
        return ResponseEntity.ok().eTag(of(ticket)).body(ticket);
    }

    /**
     * Passes when the header is absent, is {@code *} or names the tag of {@code current} (the ticket as the caller is
     * shown it now); else 412 with the current tag.
     */
    void check(IfMatch ifMatch, DisputeResources.TicketView current) {
        String tag = of(current);
        if (!ifMatch.matches(tag)) {
            throw new PreconditionFailedException("Trouble ticket " + current.id() + " has changed since it was read"
                    + " with the ETag If-Match names (" + String.join(", ", ifMatch.tags()) + "); it is now at ETag "
                    + tag + ". Nothing was changed: read it again (GET " + current.href() + ") and decide on what it"
                    + " shows now.", tag);
        }
    }
}

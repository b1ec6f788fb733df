package io.accord.portal.gateway;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The entity tag (RFC 9110 8.8.3) of the version of a resource a page showed, kept in its form (hidden field
 * {@code etag}) and sent back as {@code If-Match} with the change: a change someone else made meanwhile is refused
 * by the service (412) instead of being overwritten. Only strong tags are kept: {@code If-Match} compares strongly,
 * so a weak one ({@code W/"3"}) could never match and every change would be refused.
 */
final class EntityTag {

    /** A strong entity tag: quoted visible characters without a quote ({@code etagc}, without obs-text). */
    private static final Pattern STRONG = Pattern.compile("\"[\\x21\\x23-\\x7E]*\"");

    private EntityTag() {
    }

    /** The answer's {@code ETag} header when it is a strong tag, else {@code null} (none, or weak). */
    static String strong(String header) {
        return header != null && STRONG.matcher(header.strip()).matches() ? header.strip() : null;
    }

    /**
     * The form's tag as the {@code If-Match} to send: {@code null} (send none) when the page had none; anything else
     * than a strong tag is a 400 (a changed form: a line break in it could not even be sent as a header).
     */
    static String ifMatch(String formValue) {
        if (formValue == null || formValue.isBlank()) {
            return null;
        }
        String tag = strong(formValue);
        if (tag == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the form's etag is not an entity tag");
        }
        return tag;
    }
}

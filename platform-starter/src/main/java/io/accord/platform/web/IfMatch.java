package io.accord.platform.web;

import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.PreconditionFailedException;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A request's {@code If-Match} header (RFC 9110 section 13.1.1): the entity tags ({@link EntityTags}) of the versions
 * the client last read. A controller takes it as a parameter ({@code IfMatch ifMatch}: the starter reads the header,
 * a malformed one is a 400, and documents it as the optional {@code If-Match} header, with {@link EntityTags#IF_MATCH}
 * or the parameter's own {@code @Parameter(description = ...)}) and hands it to the service, which calls
 * {@link #check} inside the transaction that changes the aggregate; the aggregate's {@code @Version} then also
 * catches a change committed between the check and the update (412 as well, see {@code ProblemExceptionHandler}).
 *
 * @param tags the tags named, as sent ({@code W/"7"} kept weak: it never matches, comparison is strong)
 * @param any  {@code If-Match: *}: any current version will do
 */
public record IfMatch(Set<String> tags, boolean any) {

    /** The header is absent: nothing is required, the request is applied to whatever version is current. */
    public static final IfMatch NONE = new IfMatch(Set.of(), false);

    /**
     * The header as the request carries it ({@code null} when absent, several lines joined with {@code ", "}); a
     * malformed one is a 400 naming it.
     */
    public static IfMatch of(String header) {
        if (header == null) {
            return NONE;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new IfMatch(Set.of(), true);
        }
        Set<String> tags = new LinkedHashSet<>();
        int at = 0;
        while (at < value.length()) {
            char c = value.charAt(at);
            if (c == ',' || c == ' ' || c == '\t') {
                at++;
                continue;
            }
            int start = at;
            if (value.startsWith("W/", at)) {
                at += 2;
            }
            int close = at < value.length() && value.charAt(at) == '"' ? value.indexOf('"', at + 1) : -1;
            if (close < 0) {
                throw new InvalidInputException("If-Match", "If-Match must be * or the ETag of the resource as the"
                        + " last read gave it, quoted (e.g. If-Match: \"3\")");
            }
            tags.add(value.substring(start, close + 1));
            at = close + 1;
        }
        if (tags.isEmpty()) {
            throw new InvalidInputException("If-Match", "If-Match is empty: send the resource's ETag, or no If-Match");
        }
        return new IfMatch(Set.copyOf(tags), false);
    }

    /** Whether the client sent the header. */
    public boolean isPresent() {
        return any || !tags.isEmpty();
    }

    /** Whether the header is absent, is {@code *} or names this entity tag (quoted, compared strongly). */
    public boolean matches(String currentTag) {
        return !isPresent() || any || tags.contains(currentTag);
    }

    /**
     * Passes when the header is absent, is {@code *} or names the aggregate's current version; else 412.
     *
     * @param version  the aggregate's current {@code @Version}
     * @param resource what to call it in the answer, e.g. {@code Organization 6f1c...}
     */
    public void check(long version, String resource) {
        check(EntityTags.of(version), resource);
    }

    /**
     * Passes when the header is absent, is {@code *} or names this current entity tag; else 412 naming it.
     *
     * @param current  the resource's current entity tag, quoted ({@link EntityTags#composite})
     * @param resource what to call it in the answer, e.g. {@code ProductOffering 6f1c...}
     */
    public void check(String current, String resource) {
        if (!matches(current)) {
            throw new PreconditionFailedException(resource + " has changed since the version If-Match names ("
                    + String.join(", ", tags) + "); it is now at ETag " + current + ". Nothing was changed: read it"
                    + " again (GET) and apply your change to what it shows now.", current);
        }
    }
}

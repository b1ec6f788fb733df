package io.accord.platform.web;

import io.accord.platform.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Refuses an {@code Accept} header that is not a list of media types, or a {@code Content-Type} that is not one
 * concrete media type, with a 400 naming the header, before anything reads it. Spring's request mapping takes an unreadable one for "no handler matches": a
 * valid request answered 404 "no static resource", and with an unreadable {@code Accept} the problem itself could
 * not be written, so the client got a bare status and an empty body.
 */
class MediaTypeHeaderFilter extends OncePerRequestFilter {

    private static final int SHOWN = 100;

    private final ProblemWriter problems;

    MediaTypeHeaderFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        String unreadable = unreadableAccept(accept);
        if (unreadable != null) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", "The Accept header '"
                    + shown(unreadable) + "' is not a list of media types with q between 0 and 1, e.g."
                    + " 'application/json' or 'text/csv, */*;q=0.5'.");
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !readable(contentType)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", "The Content-Type header '"
                    + shown(contentType) + "' is not one media type (no wildcard), e.g. 'application/json'.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first {@code Accept} value that is not a media type list, or null when all are (or none is sent). */
    static String unreadableAccept(List<String> values) {
        for (String value : values) {
            try {
                MediaType.parseMediaTypes(value);
            } catch (IllegalArgumentException unreadable) {
                return value;
            }
        }
        return null;
    }

    static boolean readable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The value as shown back: control characters dropped, at most 100 characters. */
    static String shown(String value) {
        String clean = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > SHOWN ? clean.substring(0, SHOWN) + "..." : clean;
    }
}

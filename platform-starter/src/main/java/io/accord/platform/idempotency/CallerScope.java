package io.accord.platform.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Whose key space an {@code Idempotency-Key} lives in, and whether that caller may get a stored answer back.
 * <ul>
 * <li>A token's caller: scoped to its JWT subject; it gets the stored answer back.</li>
 * <li>A caller proving a secret in {@value #SECRET_HEADER} (an applicant following its application): scoped to a
 * hash of that secret, so only someone who knows it shares the key space; it gets the stored answer back (that
 * caller could read the resource anyway).</li>
 * <li>Anyone else (the public application form, before any secret exists): one key space per path, and the stored
 * answer is never replayed. Such an answer may carry a secret (the new application's tracking secret) and nothing
 * shows that a retry comes from the first caller: whoever learnt the key and the body (a predictable key, a logged
 * request) would receive it. The key still makes the write happen once; the retry learns that it happened.</li>
 * </ul>
 *
 * @param value           the table's {@code scope} column
 * @param replaysAnswers  whether a retry gets the first answer's body back
 */
record CallerScope(String value, boolean replaysAnswers) {

    /** The platform's header for callers who prove who they are with a secret instead of a token. */
    static final String SECRET_HEADER = "X-Tracking-Secret";

    static CallerScope of(HttpServletRequest request) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && token.getToken().getSubject() != null) {
            return new CallerScope("sub:" + token.getToken().getSubject(), true);
        }
        String secret = request.getHeader(SECRET_HEADER);
        if (secret != null && !secret.isBlank()) {
            return new CallerScope("secret:" + Sha256.fields().add("accord caller secret").add(secret).hex(), true);
        }
        // the path is hashed to bound the column's size
        return new CallerScope("anonymous:" + Sha256.of(request.getRequestURI()), false);
    }
}

package io.accord.platform.idempotency;

import io.accord.platform.idempotency.IdempotencyStore.InProgress;
import io.accord.platform.idempotency.IdempotencyStore.Mismatch;
import io.accord.platform.idempotency.IdempotencyStore.NotKept;
import io.accord.platform.idempotency.IdempotencyStore.Replay;
import io.accord.platform.idempotency.IdempotencyStore.Won;
import io.accord.platform.idempotency.RequestFingerprint.Read;
import io.accord.platform.idempotency.RequestFingerprint.TooLarge;
import io.accord.platform.idempotency.RequestFingerprint.Unreadable;
import io.accord.platform.problem.ProblemWriter;
import io.accord.platform.problem.Problems;
import io.accord.platform.web.BodyBudget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.accord.platform.idempotency.IdempotencyKey.HEADER;

/**
 * {@code Idempotency-Key} on POST, PUT and PATCH (draft-ietf-httpapi-idempotency-key-header): the first request
 * with a key runs and its answer is stored; a retry of the same request gets that answer again, marked
 * {@code Idempotency-Replayed: true}, without the handler running twice. Runs after Spring Security, so the
 * caller is known and a 401 or 403 never claims a key; keys are the caller's own ({@link CallerScope}), and an
 * anonymous caller's retry is told the request was carried out instead of being handed its answer. Requests
 * without the header pass untouched.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final IdempotencyProperties properties;
    private final BodyBudget budget;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, IdempotencyProperties properties,
                      BodyBudget budget) {
        this.store = store;
        this.problems = problems;
        this.properties = properties;
        this.budget = budget;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !METHODS.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<IdempotencyKey> key = IdempotencyKey.parse(Collections.list(request.getHeaders(HEADER)));
        if (key.isEmpty()) {
            problems.write(request, response, Problems.invalid(HEADER,
                    "The header " + HEADER + " " + IdempotencyKey.RULE + "."));
            return;
        }
        long max = properties.maxRequestBodySize().toBytes();
        // the body is read whole to fingerprint it: its bytes come out of the service's budget meanwhile
        long held = RequestFingerprint.bytesHeld(request, max);
        if (!budget.tryTake(held)) {
            BodyBudget.drain(request.getInputStream(), held);
            response.setHeader(HttpHeaders.RETRY_AFTER, BodyBudget.RETRY_AFTER_SECONDS);
            problems.write(request, response, BodyBudget.busy());
            return;
        }
        try {
            switch (RequestFingerprint.read(request, max)) {
                case Read read -> claimAndRun(read.request(), response, chain, key.get(), read.fingerprint());
                case TooLarge tooLarge -> problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large", "A request with an " + HEADER + " may carry at most "
                                + tooLarge.limit() + " bytes.");
                case Unreadable unreadable -> chain.doFilter(request, response);
            }
        } finally {
            budget.giveBack(held);
        }
    }

    private void claimAndRun(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                             IdempotencyKey key, RequestFingerprint fingerprint) throws ServletException, IOException {
        CallerScope caller = CallerScope.of(request);
        String scope = caller.value();
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(scope, key, fingerprint);
        } catch (DataAccessException | TransactionException unavailable) {
            log.warn("Cannot claim an {}: {}", HEADER, unavailable.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service cannot take requests right now; retry with the same " + HEADER + ".");
            return;
        }
        switch (claim) {
            case Won won -> run(request, response, chain, caller, key, won.token());
            case Replay replay when caller.replaysAnswers() -> replay.response().replay(response);
            case Replay replay -> {
                ProblemDetail done = Problems.of(HttpStatus.CONFLICT, "idempotency-request-completed",
                        "A request with this " + HEADER + " was already carried out (nothing was done twice). Its "
                                + "answer is given to the first caller only: an anonymous retry cannot show it is "
                                + "that caller.");
                done.setProperty("firstStatus", replay.response().status());
                problems.write(request, response, done);
            }
            case NotKept notKept -> problems.write(request, response, notKept(notKept));
            case Mismatch mismatch -> problems.write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "This " + HEADER + " was used for a different request "
                            + "(method, path or body); a new request needs a new key."));
            case InProgress inProgress -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(request, response, HttpStatus.CONFLICT, "idempotency-request-in-progress",
                        "The first request with this " + HEADER + " is still running; retry shortly.");
            }
        }
    }

    /** The first request was carried out; running it again would do it twice, and its answer was not kept. */
    private static ProblemDetail notKept(NotKept notKept) {
        ProblemDetail done = Problems.of(HttpStatus.CONFLICT, "idempotency-answer-not-kept",
                "A request with this " + HEADER + " was already carried out (nothing was done twice), but its answer "
                        + "was too large to keep for a replay. Look its results up instead"
                        + (notKept.location() == null ? "" : " (at firstLocation)") + ": read what it created or "
                        + "changed through the API, e.g. by the ids your request gave them (for a usage batch the "
                        + "usage list filtered by usageId, or the fate API).");
        done.setProperty("firstStatus", notKept.status());
        if (notKept.location() != null) {
            done.setProperty("firstLocation", notKept.location());
        }
        return done;
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, CallerScope caller,
                     IdempotencyKey key, UUID token) throws ServletException, IOException {
        String scope = caller.value();
        CapturedResponse captured = new CapturedResponse(response);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException failure) {
            release(scope, key, token);
            throw failure;
        }
        settle(request, captured, caller, key, token);
        captured.copyBodyToResponse();
    }

    /** Stores the answer for retries, or frees the key when this answer must not be replayed. */
    private void settle(HttpServletRequest request, CapturedResponse captured, CallerScope caller, IdempotencyKey key,
                        UUID token) {
        String scope = caller.value();
        // a 5xx may be transient, and so is a lost race (Problems.RETRYABLE): the retry deserves a real attempt,
        // not a replay of the failure
        if (captured.getStatus() >= 500 || Boolean.TRUE.equals(request.getAttribute(Problems.RETRYABLE))
                || captured.writtenByContainer() || request.isAsyncStarted()) {
            release(scope, key, token);
            return;
        }
        if (!caller.replaysAnswers()) {
            settleAnonymous(captured, scope, key, token);
            return;
        }
        byte[] sealed = SealedBody.seal(scope, key, captured.getContentAsByteArray());
        if (sealed.length > properties.maxStoredBodySize().toBytes() && captured.getStatus() >= 400) {
            release(scope, key, token); // a refusal changed nothing: a retry may simply run again
            return;
        }
        if (sealed.length > properties.maxStoredBodySize().toBytes()) {
            // the request was carried out: releasing the key would run it twice on a retry, so the claim is
            // kept, without the answer, and the retry is told so
            log.warn("Not keeping the {}-byte answer ({} bytes compressed) to {} {} (max-stored-body-size {}): a "
                            + "retry gets 409 idempotency-answer-not-kept", captured.getContentSize(), sealed.length,
                    request.getMethod(), request.getRequestURI(), properties.maxStoredBodySize());
            sealed = null;
        }
        try {
            if (!store.complete(scope, key, token, captured.getStatus(), captured.getContentType(),
                    captured.getHeader(HttpHeaders.LOCATION), sealed)) {
                log.warn("{} {} outlived its lease of {} and another attempt took its {} over",
                        request.getMethod(), request.getRequestURI(), properties.lease(), HEADER);
            }
        } catch (DataAccessException | TransactionException failure) {
            log.warn("Storing the answer for an {} failed; a retry runs again after the lease of {}",
                    HEADER, properties.lease(), failure);
        }
    }

    /**
     * An anonymous caller's answer is not replayed, so only the fact that the write happened is kept (no body, no
     * Location). A refusal changed nothing (4xx): the key is freed, so a corrected or repeated request runs again.
     */
    private void settleAnonymous(CapturedResponse captured, String scope, IdempotencyKey key, UUID token) {
        if (captured.getStatus() >= 300) {
            release(scope, key, token);
            return;
        }
        try {
            store.complete(scope, key, token, captured.getStatus(), null, null,
                    SealedBody.seal(scope, key, new byte[0]));
        } catch (DataAccessException | TransactionException failure) {
            log.warn("Storing an anonymous {} failed; a retry runs again after the lease of {}",
                    HEADER, properties.lease(), failure);
        }
    }

    private void release(String scope, IdempotencyKey key, UUID token) {
        try {
            store.release(scope, key, token);
        } catch (DataAccessException | TransactionException failure) {
            log.warn("Releasing an {} failed; a retry runs again after the lease of {}",
                    HEADER, properties.lease(), failure);
        }
    }
}

package io.accord.platform.audit;

import io.accord.platform.problem.ProblemListener;
import io.accord.platform.security.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts what an auditor asks after into the audit trail: a signed-in caller's requests that were refused. Every 403
 * (the role does not allow it, four-eyes) and every 409 to a change (a guard refused the transition, e.g. approving
 * one's own statement) is recorded as action {@value #ACTION} on resource type {@value #RESOURCE_TYPE}, with the
 * caller, the caller's partner, and as the after state the method, path, status, problem type and detail; the
 * resource id is the last id in the path (the resource acted on, so that filtering the trail by it shows the
 * refusals next to the changes), or the path. The refused work itself rolled back and left no entry, so the
 * refusal is written in a transaction of its own. Callers without a token (401s, public paths) are not recorded:
 * nobody is behind them to name. A failure to record is logged and does not change the answer.
 */
public class RefusedRequests implements ProblemListener {

    static final String RESOURCE_TYPE = "request";
    static final String ACTION = "refused";

    private static final Logger log = LoggerFactory.getLogger(RefusedRequests.class);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_RESOURCE_ID = 200;
    private static final int MAX_TEXT = 1_000;

    private final AuditTrail trail;
    private final Tenancy tenancy;
    private final TransactionTemplate ownTransaction;

    RefusedRequests(AuditTrail trail, Tenancy tenancy, TransactionTemplate ownTransaction) {
        this.trail = trail;
        this.tenancy = tenancy;
        this.ownTransaction = ownTransaction;
    }

    @Override
    public void answering(HttpServletRequest request, ProblemDetail problem) {
        if (!refusal(request, problem.getStatus())
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)) {
            return;
        }
        String path = clip(request.getRequestURI(), MAX_TEXT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("method", request.getMethod());
        details.put("path", path);
        details.put("status", problem.getStatus());
        details.put("type", problem.getType() == null ? null : problem.getType().toString());
        details.put("detail", clip(problem.getDetail(), MAX_TEXT));
        try {
            ownTransaction.executeWithoutResult(status ->
                    trail.recordRefusal(tenancy.partnerId().orElse(null), resourceId(path), details));
        } catch (RuntimeException failure) {
            log.warn("Could not record the refused request {} {} ({}) in the audit trail: {}", request.getMethod(),
                    path, problem.getStatus(), failure.toString());
        }
    }

    private static boolean refusal(HttpServletRequest request, int status) {
        if (status == HttpStatus.FORBIDDEN.value()) {
            return true;
        }
        String method = request.getMethod();
        return status == HttpStatus.CONFLICT.value() && !HttpMethod.GET.matches(method)
                && !HttpMethod.HEAD.matches(method) && !HttpMethod.OPTIONS.matches(method);
    }

    static String resourceId(String path) {
        if (path == null) {
            return "";
        }
        String last = null;
        Matcher ids = UUID.matcher(path);
        while (ids.find()) {
            last = ids.group();
        }
        return last != null ? last.toLowerCase() : clip(path, MAX_RESOURCE_ID);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

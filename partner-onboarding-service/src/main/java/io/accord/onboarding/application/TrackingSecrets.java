package io.accord.onboarding.application;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret an applicant follows its application with. Only its SHA-256 is stored, so a database leak does
 * not hand out access to applications.
 */
final class TrackingSecrets {

    static final String HEADER = "X-Tracking-Secret";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingSecrets() {
    }

    /**
     * The secret, or a 401 asking for it: an applicant has no token, so "a bearer token is required" would mislead;
     * a caller with a valid token but no secret (staff trying the applicant's path) gets a 403 naming the staff path.
     */
    static String required(String secret) {
        if ((secret == null || secret.isBlank()) && SecurityContextHolder.getContext()
                .getAuthentication() instanceof JwtAuthenticationToken) {
            // a valid token is not what these paths take: 401 would say "log in", which the caller has done
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Applicant paths take the "
                    + "application's tracking secret in " + HEADER + ", not a token. Staff read and review "
                    + "applications at " + ReviewController.PATH + "/{id}.");
            problem.setTitle("Tracking secret required");
            problem.setProperty("header", HEADER);
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
        if (secret == null || secret.isBlank()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "This application needs "
                    + "its tracking secret in " + HEADER + " (the trackingSecret of the answer that created it).");
            problem.setTitle("Tracking secret required");
            problem.setProperty("header", HEADER);
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return secret;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of the secret's UTF-8 bytes, as stored. */
    static String hash(String secret) {
        return DigestUtils.sha256Hex(secret);
    }
}

package io.accord.platform.web;

import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * Conditional requests on a TMF resource (RFC 9110 section 13), from its aggregate's JPA {@code @Version}: a strong
 * {@code ETag} ({@code "7"}) on GET, POST and PATCH answers; {@link IfMatch} on PATCH and DELETE (412 when stale),
 * and on a GET or HEAD of an {@link #ok} answer ({@code IfMatchOnReads}, the same 412 problem+json);
 * {@code If-None-Match} on GET answers 304 without a body, which Spring MVC does by itself for a 200
 * {@link ResponseEntity} that carries an {@code ETag} (weak comparison, as RFC 9110 asks for GET).
 * <p>
 * Strong, not weak: {@code If-Match} compares strongly (RFC 9110 13.1.1), so a weak tag could never match. The
 * version changes with every committed change of the aggregate, and the resource's representation at one URL is
 * a function of the aggregate's state (a resource shown differently per caller or built from other aggregates that
 * change must not use this). {@code fields=} selects from the same state at another URL, so it keeps the tag.
 * Without {@code If-Match} nothing is required: clients that do not send it keep working as before.
 */
public final class EntityTags {

    /** What an operation's {@code If-Match} header parameter says in the API documentation. */
    public static final String IF_MATCH = "Optional: the ETag of the version last read (e.g. \"3\"); when another"
            + " version is current, 412 and nothing is changed. Without it the request applies to the current version";

    private EntityTags() {
    }

    /** The entity tag of an aggregate at this version, quoted: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the resource and its {@code ETag} (on a GET, 304 without a body when If-None-Match names it). */
    public static <T> ResponseEntity<T> ok(T resource, long version) {
        return ResponseEntity.ok().eTag(of(version)).body(resource);
    }

    /** 201 with {@code Location}, the resource and its {@code ETag}. */
    public static <T> ResponseEntity<T> created(URI location, T resource, long version) {
        return ResponseEntity.created(location).eTag(of(version)).body(resource);
    }
}

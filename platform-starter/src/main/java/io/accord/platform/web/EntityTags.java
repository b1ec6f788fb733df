package io.accord.platform.web;

import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Conditional requests on a TMF resource (RFC 9110 section 13), from its aggregate's JPA {@code @Version}: a strong
 * {@code ETag} ({@code "7"}) on GET, POST and PATCH answers; {@link IfMatch} on PATCH and DELETE (412 when stale),
 * and on a GET or HEAD of an {@link #ok} answer ({@code IfMatchOnReads}, the same 412 problem+json);
 * {@code If-None-Match} on GET answers 304 without a body, which Spring MVC does by itself for a 200
 * {@link ResponseEntity} that carries an {@code ETag} (weak comparison, as RFC 9110 asks for GET).
 * <p>
 * Strong, not weak: {@code If-Match} compares strongly (RFC 9110 13.1.1), so a weak tag could never match. The
 * version changes with every committed change of the aggregate, and the resource's representation at one URL is
 * a function of the aggregate's state. A representation that also shows what changes without that version (other
 * aggregates' rows, what the time or the caller decides) takes a {@link #composite} tag of the version and those
 * parts, handed to {@link #ok(Object, String)} and {@link IfMatch#check(String, String)}. {@code fields=} selects
 * from the same state at another URL, so it keeps the tag.
 * Without {@code If-Match} nothing is required: clients that do not send it keep working as before.
 */
public final class EntityTags {

    /**
     * What an operation's {@code If-Match} header says in the API documentation: that of every {@link IfMatch}
     * parameter without a {@code @Parameter(description = ...)} of its own.
     */
    public static final String IF_MATCH = "Optional: the ETag of the version last read (e.g. \"3\"); when another"
            + " version is current, 412 and nothing is changed. Without it the request applies to the current version";

    private EntityTags() {
    }

    /** The entity tag of an aggregate at this version, quoted: {@code "7"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The entity tag of a representation built from an aggregate at this version and {@code shown}, what else it
     * shows that changes without that version (e.g. the ids of other aggregates it lists, a flag the time decides,
     * whether the caller sees a part): {@code "7-9f86d081884c7d65"}, the version and 64 bits of a SHA-256 of the
     * parts, so it changes whenever one of them does. Without parts it is {@link #of(long)}. The parts' text must
     * be stable: ids, numbers, booleans, names; never a collection of unstable order.
     */
    public static String composite(long version, List<?> shown) {
        if (shown.isEmpty()) {
            return of(version);
        }
        MessageDigest digest = sha256();
        for (Object part : shown) {
            // each part with its length first, so ["ab", "c"] and ["a", "bc"] differ whatever text they hold
            byte[] text = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(text.length).array());
            digest.update(text);
        }
        return "\"" + version + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + "\"";
    }

    /** 200 with the resource and its {@code ETag} (on a GET, 304 without a body when If-None-Match names it). */
    public static <T> ResponseEntity<T> ok(T resource, long version) {
        return ok(resource, of(version));
    }

    /** 200 with the resource and this entity tag, quoted ({@link #composite}). */
    public static <T> ResponseEntity<T> ok(T resource, String tag) {
        return ResponseEntity.ok().eTag(tag).body(resource);
    }

    /** 201 with {@code Location}, the resource and its {@code ETag}. */
    public static <T> ResponseEntity<T> created(URI location, T resource, long version) {
        return created(location, resource, of(version));
    }

    /** 201 with {@code Location}, the resource and this entity tag, quoted ({@link #composite}). */
    public static <T> ResponseEntity<T> created(URI location, T resource, String tag) {
        return ResponseEntity.created(location).eTag(tag).body(resource);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // every Java platform has SHA-256 (java.security.MessageDigest's required algorithms)
            throw new IllegalStateException(impossible);
        }
    }
}

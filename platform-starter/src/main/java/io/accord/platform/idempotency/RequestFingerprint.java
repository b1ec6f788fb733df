package io.accord.platform.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes a retry "the same request" as the first one with its key: method, path with query, and the
 * SHA-256 of the body. The body is read before anything runs, so a JSON body is kept in memory and handed on.
 */
record RequestFingerprint(String method, String target, String bodyHash) {

    /** How reading the request went. */
    sealed interface Reading {
    }

    /** The fingerprint, and the request the handler must get (it can read the body again). */
    record Read(HttpServletRequest request, RequestFingerprint fingerprint) implements Reading {
    }

    record TooLarge(long limit) implements Reading {
    }

    /**
     * A multipart body the container cannot parse: the dispatcher's own parse fails the same way, which the
     * problem handler answers with its usual 4xx.
     */
    record Unreadable() implements Reading {
    }

    /**
     * How many bytes {@link #read} will hold in memory: the body, up to the limit (all of it, if its length is not
     * announced); none for multipart and form bodies (the container parses those, files to disk) and for a body
     * announced larger than the limit (refused unread).
     */
    static long bytesHeld(HttpServletRequest request, long maxBodyBytes) {
        if (is(request, MediaType.MULTIPART_FORM_DATA) || is(request, MediaType.APPLICATION_FORM_URLENCODED)) {
            return 0;
        }
        long declared = request.getContentLengthLong();
        return declared < 0 ? maxBodyBytes : declared > maxBodyBytes ? 0 : declared;
    }

    static Reading read(HttpServletRequest request, long maxBodyBytes) throws IOException {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        if (is(request, MediaType.MULTIPART_FORM_DATA)) {
            return parts(request, target);
        }
        if (is(request, MediaType.APPLICATION_FORM_URLENCODED)) {
            // the container parses a form's body into parameters: reading the bytes here would hide them
            return new Read(request, new RequestFingerprint(request.getMethod(), target, parameters(request)));
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            return new TooLarge(maxBodyBytes);
        }
        int readAtMost = Math.toIntExact(Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 8));
        byte[] body = request.getInputStream().readNBytes(readAtMost);
        if (body.length > maxBodyBytes) {
            return new TooLarge(maxBodyBytes);
        }
        return new Read(new BufferedRequest(request, body),
                new RequestFingerprint(request.getMethod(), target, Sha256.of(body)));
    }

    boolean sameAs(String method, String target, String bodyHash) {
        return this.method.equals(method) && this.target.equals(target) && this.bodyHash.equals(bodyHash);
    }

    /**
     * A multipart boundary is random per attempt, so a faithful retry differs in its bytes: the parts (name, file
     * name, type, content) are fingerprinted instead. The container keeps the parsed parts for the handler.
     */
    private static Reading parts(HttpServletRequest request, String target) throws IOException {
        Sha256 hash = Sha256.fields();
        try {
            for (Part part : request.getParts()) {
                hash.add(part.getName()).add(part.getSubmittedFileName()).add(part.getContentType())
                        .add(part.getInputStream(), part.getSize());
            }
        } catch (ServletException | IllegalStateException | IOException unparseable) {
            // Tomcat throws its FileUploadException (an IOException) for a body without the boundary it names
            return new Unreadable();
        }
        return new Read(request, new RequestFingerprint(request.getMethod(), target, hash.hex()));
    }

    private static String parameters(HttpServletRequest request) {
        Sha256 hash = Sha256.fields();
        Map<String, String[]> sorted = new TreeMap<>(request.getParameterMap());
        sorted.forEach((name, values) -> {
            hash.add(name).add(String.valueOf(values.length));
            Arrays.stream(values).forEach(hash::add);
        });
        return hash.hex();
    }

    private static boolean is(HttpServletRequest request, MediaType type) {
        try {
            return request.getContentType() != null
                    && type.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
        } catch (IllegalArgumentException malformedContentType) {
            return false;
        }
    }
}

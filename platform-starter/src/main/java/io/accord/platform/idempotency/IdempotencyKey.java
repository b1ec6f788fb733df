package io.accord.platform.idempotency;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of the {@code Idempotency-Key} header. The IETF draft makes it a structured-field string
 * ({@code "8e03978e-..."}); most clients send it bare, so both forms are accepted and mean the same key.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final String RULE = "must be sent once, with 16 to 255 printable ASCII characters (a random UUID is a "
            + "good key; a short or guessable one lets others claim it)";

    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{16,255}");

    /** What the table keeps instead of the key, which also encrypts the stored answer ({@link SealedBody}). */
    String hash() {
        return Sha256.fields().add("accord idempotency key").add(value).hex();
    }

    /** The key of a request's header values; empty when there is not exactly one or it breaks {@link #RULE}. */
    static Optional<IdempotencyKey> parse(List<String> headerValues) {
        if (headerValues.size() != 1) {
            return Optional.empty();
        }
        String value = unquoted(headerValues.getFirst().strip());
        return PRINTABLE.matcher(value).matches() ? Optional.of(new IdempotencyKey(value)) : Optional.empty();
    }

    private static String unquoted(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}

package io.accord.contracts.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loops decide exactly as Spring Security's regular expressions, on edge cases and random strings. */
class RequestChecksTests {

    private static final String ALPHABET = "abcXYZ019-._~+/= \t\u0000\u0001\u001f\u007f\u0080\u009f\u00e9\u0378\u200b;:,\""
            + "\uD83D\uDE00\uD83D\uDC00\uDFFF";

    @Test
    void headerAndParameterCharactersAreAllowedLikeSpringSecurity() {
        Pattern names = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
        Pattern values = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
        for (String value : samples(new Random(7))) {
            assertThat(RequestChecks.assignedAndNotControl(value)).as("name %s", value)
                    .isEqualTo(names.matcher(value).matches());
            assertThat(RequestChecks.assignedAndNotControlOrTab(value)).as("value %s", value)
                    .isEqualTo(values.matcher(value).matches());
        }
        assertThat(RequestChecks.assignedAndNotControl("tab\there")).isFalse();
        assertThat(RequestChecks.assignedAndNotControlOrTab("tab\there")).isTrue();
        assertThat(RequestChecks.assignedAndNotControlOrTab("del\u007f")).isFalse();
        assertThat(RequestChecks.assignedAndNotControl(null)).isTrue();
    }

    @Test
    void bearerTokensAreTakenAndRefusedLikeSpringSecurity() {
        Pattern spring = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);
        Function<String, String> springResolver = header -> {
            if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
                return "none";
            }
            Matcher matcher = spring.matcher(header);
            return matcher.matches() ? "token " + matcher.group("token") : "refused";
        };
        Random random = new Random(42);
        List<String> headers = new ArrayList<>(List.of("Bearer abc.def-ghi_jkl~mno+pqr/stu==", "bearer abc",
                "BEARER abc", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer abc=def", "Bearer ==",
                "Bearer abc\u00e9", "Basic dXNlcjpwYXNz", "Bearerabc", "Bear abc", "", "Bearer a=", "Token x"));
        for (int i = 0; i < 5_000; i++) {
            headers.add((random.nextBoolean() ? "Bearer " : "bearer") + randomString(random));
        }
        headers.add(null);
        for (String header : headers) {
            assertThat(ours(header)).as("Authorization: %s", header).isEqualTo(springResolver.apply(header));
        }
        assertThat(RequestChecks.bearerToken("Bearer abc.def==")).isEqualTo("abc.def==");
        assertThatThrownBy(() -> RequestChecks.bearerToken("Bearer abc def"))
                .isInstanceOf(RequestChecks.MalformedBearerToken.class)
                .hasMessage(RequestChecks.MalformedBearerToken.DESCRIPTION);
    }

    private static String ours(String header) {
        try {
            String token = RequestChecks.bearerToken(header);
            return token == null ? "none" : "token " + token;
        } catch (RequestChecks.MalformedBearerToken malformed) {
            return "refused";
        }
    }

    /** Edge cases, then 5,000 random strings. */
    private static List<String> samples(Random random) {
        List<String> values = new ArrayList<>(List.of("", "plain", "tab\there", "nul\u0000", "del\u007f",
                "c1\u0085", "unassigned\u0378", "emoji \uD83D\uDE00", "lone \uD83D surrogate", "lone \uDE00 low",
                "zero\u200bwidth", "é ü ß", "\uD83D"));
        for (int i = 0; i < 5_000; i++) {
            values.add(randomString(random));
        }
        return values;
    }

    /** Up to 12 characters of {@link #ALPHABET} (halves of surrogate pairs included). */
    private static String randomString(Random random) {
        StringBuilder value = new StringBuilder();
        for (int length = random.nextInt(13); length > 0; length--) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }
}

package io.accord.testsupport;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.accord.testsupport.ConditionalAnswers.assertExactlyOneApplied;
import static io.accord.testsupport.ConditionalAnswers.assertFirstAppliedOthersRefused;
import static io.accord.testsupport.ConditionalAnswers.assertMalformedIfMatch;
import static io.accord.testsupport.ConditionalAnswers.assertNotModified;
import static io.accord.testsupport.ConditionalAnswers.assertPreconditionFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assertions pass on what a service that honours If-Match answers, and fail on a lost update. */
class ConditionalAnswersTests {

    private static final String READ = "\"3\"";
    private static final String APPLIED = "\"4\"";

    private static TestHttp.Response answer(int status, String etag, String contentType, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (etag != null) {
            headers.put("ETag", List.of(etag));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return new TestHttp.Response(status, HttpHeaders.of(headers, (name, value) -> true), body);
    }

    private static TestHttp.Response applied(String etag) {
        return answer(200, etag, "application/json", "{\"name\":\"applied\"}");
    }

    private static TestHttp.Response problem(int status, String etag, String type) {
        return answer(status, etag, "application/problem+json", "{\"type\":\"https://accord.io/problems/" + type
                + "\",\"status\":" + status + "}");
    }

    private static TestHttp.Response preconditionFailed(String etag) {
        return problem(412, etag, "precondition-failed");
    }

    @Test
    void ofChangesInTurnTheFirstIsAppliedAndTheOthersAreRefusedNamingItsETag() {
        assertThat(assertFirstAppliedOthersRefused(READ, applied(APPLIED), preconditionFailed(APPLIED),
                preconditionFailed(APPLIED))).isEqualTo(APPLIED);
    }

    @Test
    void aSecondChangeAppliedOverTheFirstFails() {
        assertThatThrownBy(() -> assertFirstAppliedOthersRefused(READ, applied(APPLIED), applied("\"5\"")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertFirstAppliedOthersRefused(READ, applied(READ), preconditionFailed(READ)))
                .as("an applied change moves the ETag").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertFirstAppliedOthersRefused(READ, applied(APPLIED), preconditionFailed(READ)))
                .as("a 412 names the current ETag").isInstanceOf(AssertionError.class);
    }

    @Test
    void aRefusalMustBeA412ProblemNamingTheCurrentETag() {
        assertPreconditionFailed(preconditionFailed(APPLIED), APPLIED);

        assertThatThrownBy(() -> assertPreconditionFailed(answer(412, APPLIED, "text/plain", "stale"), APPLIED))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertPreconditionFailed(problem(409, APPLIED, "concurrent-update"), APPLIED))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertPreconditionFailed(preconditionFailed(null), APPLIED))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void ofChangesAtOnceOneIsAppliedAndTheOthersRefusedHoweverCaught() {
        TestHttp.Response winner = applied(APPLIED);

        assertThat(assertExactlyOneApplied(List.of(preconditionFailed(APPLIED), winner, preconditionFailed(null),
                problem(409, null, "concurrent-update")))).isSameAs(winner);
    }

    @Test
    void ofChangesAtOnceTwoAppliedOrNoneRefusedFails() {
        assertThatThrownBy(() -> assertExactlyOneApplied(List.of(applied(APPLIED), applied("\"5\""),
                preconditionFailed("\"5\"")))).as("a change applied twice").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertExactlyOneApplied(List.of(preconditionFailed(APPLIED),
                preconditionFailed(APPLIED)))).as("none applied").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertExactlyOneApplied(List.of(applied(APPLIED),
                problem(409, null, "concurrent-update")))).as("no 412").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertExactlyOneApplied(List.of(applied(APPLIED), preconditionFailed(READ))))
                .as("a 412 naming an older ETag").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertExactlyOneApplied(List.of(applied(APPLIED), preconditionFailed(APPLIED),
                problem(500, null, "internal")))).as("a 500").isInstanceOf(AssertionError.class);
    }

    @Test
    void aNotModifiedHasNoBodyAndAMalformedIfMatchIsNamed() {
        assertNotModified(answer(304, READ, null, ""));
        assertMalformedIfMatch(answer(400, null, "application/problem+json",
                "{\"violations\":[{\"field\":\"If-Match\"}]}"));

        assertThatThrownBy(() -> assertNotModified(applied(READ))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertMalformedIfMatch(answer(400, null, "application/problem+json",
                "{\"violations\":[{\"field\":\"name\"}]}"))).isInstanceOf(AssertionError.class);
    }
}

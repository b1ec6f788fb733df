package io.accord.testsupport;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on what a service answers to conditional requests (RFC 9110 section 13): a change sent with
 * {@code If-Match} is applied only to the version it names, so of clients who read the same version and change it,
 * one is applied and the others are told it changed (412) with nothing of theirs applied.
 */
public final class ConditionalAnswers {

    private ConditionalAnswers() {
    }

    /** A request refused for a stale {@code If-Match}: 412 problem+json {@code precondition-failed}, current ETag. */
    public static void assertPreconditionFailed(TestHttp.Response answer, String currentTag) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(412);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).as(answer.toString()).endsWith("/precondition-failed");
        assertThat(answer.header("ETag")).as("the current ETag in " + answer).isEqualTo(currentTag);
    }

    /**
     * Changes sent one after another with the same {@code If-Match}, as by users who read the same version: the first
     * is applied (200 with a new ETag), and every later one refused with 412 naming the ETag the first left.
     *
     * @param sentTag the ETag every change named in its {@code If-Match}
     * @return the ETag the first change left
     */
    public static String assertFirstAppliedOthersRefused(String sentTag, TestHttp.Response first,
                                                         TestHttp.Response... others) {
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String applied = first.header("ETag");
        assertThat(applied).as("the applied change's ETag").isNotBlank().isNotEqualTo(sentTag);
        for (TestHttp.Response other : others) {
            assertPreconditionFailed(other, applied);
        }
        return applied;
    }

    /**
     * Changes sent at once with the same {@code If-Match} ({@link ConcurrentRequests}): exactly one is applied (200),
     * and at least one of the others is refused with 412. None of the others is applied: each is a 412
     * {@code precondition-failed} (naming the applied one's ETag when the If-Match check caught it; with no ETag when
     * the version caught it at the update) or a 409 {@code concurrent-update} where a lock wait was given up.
     *
     * @return the answer to the change that was applied
     */
    public static TestHttp.Response assertExactlyOneApplied(List<TestHttp.Response> answers) {
        List<TestHttp.Response> applied = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(applied).as(answers.toString()).hasSize(1);
        String appliedTag = applied.getFirst().header("ETag");
        assertThat(appliedTag).as("the applied change's ETag").isNotBlank();
        assertThat(answers).filteredOn(answer -> answer.status() != 200)
                .allSatisfy(answer -> assertRefused(answer, appliedTag))
                .anySatisfy(answer -> assertThat(answer.status()).isEqualTo(412));
        return applied.getFirst();
    }

    private static void assertRefused(TestHttp.Response answer, String appliedTag) {
        assertThat(answer.status()).as(answer.toString()).isIn(412, 409);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).as(answer.toString())
                .endsWith(answer.status() == 412 ? "/precondition-failed" : "/concurrent-update");
        if (answer.status() == 412 && answer.header("ETag") != null) {
            assertThat(answer.header("ETag")).as("the current ETag in " + answer).isEqualTo(appliedTag);
        }
    }

    /** A read answered 304 without a body: the version the client names in {@code If-None-Match} is current. */
    public static void assertNotModified(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(304);
        assertThat(answer.body()).isEmpty();
    }

    /** A request whose {@code If-Match} is neither {@code *} nor quoted ETags: 400 problem+json naming the header. */
    public static void assertMalformedIfMatch(TestHttp.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().at("/violations/0/field").asString()).isEqualTo("If-Match");
    }
}

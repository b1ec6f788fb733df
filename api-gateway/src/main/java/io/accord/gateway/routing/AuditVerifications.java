package io.accord.gateway.routing;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * The hash-chain check of every service's audit trail in one answer. {@code verified} is true only when every
 * service answered and each one's chain is whole; a service that did not answer is named in {@code unanswered}.
 */
record AuditVerifications(boolean verified, List<ServiceVerification> services, List<String> unanswered) {

    static AuditVerifications of(List<Answer> answers) {
        List<ServiceVerification> answered = answers.stream().map(Answer::verification).filter(Objects::nonNull)
                .toList();
        List<String> unanswered = answers.stream().filter(answer -> answer.verification() == null)
                .map(Answer::service).toList();
        return new AuditVerifications(unanswered.isEmpty() && answered.stream().allMatch(ServiceVerification::verified),
                answered, unanswered);
    }

    /** A service's verification, or {@code null} when it did not answer. */
    record Answer(String service, ServiceVerification verification) {
    }

    /**
     * One service's answer to {@code GET <api-base-path>/audit/verification}, as it gave it: {@code pendingEntries}
     * are its entries not yet sealed into the chain, {@code oldestPendingAgeMillis} how long the oldest has waited
     * (0 and {@code null} when the service does not say). {@code headPosition} and {@code headHash} are its chain's
     * newest sealed entry, the anchor an auditor records outside the database and later checks at the service
     * ({@code GET /api/<service>/audit/verification?anchorPosition=&anchorHash=}); {@code null} when the service
     * does not say.
     */
    record ServiceVerification(String service, boolean verified, long entries, Long firstBrokenEntryId,
                               String reason, long pendingEntries, Long oldestPendingAgeMillis, Long headPosition,
                               String headHash) {

        static ServiceVerification from(String service, JsonNode answer) {
            JsonNode verified = answer == null ? null : answer.get("verified");
            JsonNode entries = answer == null ? null : answer.get("entries");
            if (verified == null || !verified.isBoolean() || entries == null || !entries.isIntegralNumber()) {
                throw new IllegalArgumentException("not an audit verification: needs verified and entries");
            }
            JsonNode broken = answer.get("firstBrokenEntryId");
            JsonNode reason = answer.get("reason");
            JsonNode pending = answer.get("pendingEntries");
            JsonNode oldestAge = answer.get("oldestPendingAgeMillis");
            JsonNode headPosition = answer.get("headPosition");
            JsonNode headHash = answer.get("headHash");
            return new ServiceVerification(service, verified.asBoolean(), entries.asLong(),
                    broken == null || !broken.isIntegralNumber() ? null : broken.asLong(),
                    reason == null || !reason.isString() ? null : reason.asString(),
                    pending == null || !pending.isIntegralNumber() ? 0 : pending.asLong(),
                    oldestAge == null || !oldestAge.isIntegralNumber() ? null : oldestAge.asLong(),
                    headPosition == null || !headPosition.isIntegralNumber() ? null : headPosition.asLong(),
                    headHash == null || !headHash.isString() ? null : headHash.asString());
        }
    }
}

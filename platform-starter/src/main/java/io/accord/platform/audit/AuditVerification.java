package io.accord.platform.audit;

/**
 * Result of walking the audit hash chain.
 *
 * @param verified           every entry matches its hash and links to the one before it
 * @param entries            entries checked (up to the first broken one)
 * @param firstBrokenEntryId the id of the first entry that fails, when an entry can be named
 * @param reason             why the chain is broken; {@code null} when verified
 */
record AuditVerification(boolean verified, long entries, Long firstBrokenEntryId, String reason) {

    static AuditVerification broken(long entries, Long firstBrokenEntryId, String reason) {
        return new AuditVerification(false, entries, firstBrokenEntryId, reason);
    }
}

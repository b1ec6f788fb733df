package io.accord.platform.audit;

/**
 * Result of walking the audit hash chain.
 *
 * @param verified               every sealed entry matches its hash and links to the one before it, and no entry
 *                               has waited longer than the bound to be sealed
 * @param entries                sealed entries checked (up to the first broken one)
 * @param firstBrokenEntryId     the id of the first entry that fails, when an entry can be named
 * @param reason                 why the chain is broken; {@code null} when verified
 * @param pendingEntries         committed entries not yet sealed into the chain (not yet tamper-evident)
 * @param oldestPendingAgeMillis how long the oldest of them has waited, by the database's clock; {@code null}
 *                               when none is pending
 */
record AuditVerification(boolean verified, long entries, Long firstBrokenEntryId, String reason,
                         long pendingEntries, Long oldestPendingAgeMillis) {

    static AuditVerification broken(long entries, Long firstBrokenEntryId, String reason) {
        return new AuditVerification(false, entries, firstBrokenEntryId, reason, 0, null);
    }

    AuditVerification withPending(long pending, Long oldestAgeMillis) {
        return new AuditVerification(verified, entries, firstBrokenEntryId, reason, pending, oldestAgeMillis);
    }
}

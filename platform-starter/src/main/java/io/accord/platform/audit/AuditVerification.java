package io.accord.platform.audit;

/**
 * Result of walking the audit hash chain.
 *
 * @param verified               every sealed entry matches its hash and links to the one before it, no entry has
 *                               waited longer than the bound to be sealed, and (when an anchor was given) the entry
 *                               at the anchored position still has the anchored hash
 * @param entries                sealed entries checked (up to the first broken one)
 * @param firstBrokenEntryId     the id of the first entry that fails, when an entry can be named
 * @param reason                 why the chain is broken; {@code null} when verified
 * @param pendingEntries         committed entries not yet sealed into the chain (not yet tamper-evident)
 * @param oldestPendingAgeMillis how long the oldest of them has waited, by the database's clock; {@code null}
 *                               when none is pending
 * @param headPosition           the chain position of the newest sealed entry (the head the walk checked up to);
 *                               0 for an empty chain, {@code null} when the head is missing
 * @param headHash               that entry's hash: with headPosition, the anchor an auditor records outside the
 *                               database
 * @param anchorMatches          whether the entry at the anchored position still has the anchored hash;
 *                               {@code null} when no anchor was given
 */
record AuditVerification(boolean verified, long entries, Long firstBrokenEntryId, String reason,
                         long pendingEntries, Long oldestPendingAgeMillis, Long headPosition, String headHash,
                         Boolean anchorMatches) {

    static AuditVerification broken(long entries, Long firstBrokenEntryId, String reason) {
        return new AuditVerification(false, entries, firstBrokenEntryId, reason, 0, null, null, null, null);
    }

    AuditVerification withPending(long pending, Long oldestAgeMillis) {
        return new AuditVerification(verified, entries, firstBrokenEntryId, reason, pending, oldestAgeMillis,
                headPosition, headHash, anchorMatches);
    }

    AuditVerification withHead(Long position, String hash) {
        return new AuditVerification(verified, entries, firstBrokenEntryId, reason, pendingEntries,
                oldestPendingAgeMillis, position, hash, anchorMatches);
    }

    /** The anchor's check: a mismatch breaks an otherwise verified chain, naming the entry now at the position. */
    AuditVerification withAnchor(boolean matches, Long entryAtPosition, String mismatch) {
        boolean stillVerified = verified && matches;
        return new AuditVerification(stillVerified, entries,
                verified && !matches ? entryAtPosition : firstBrokenEntryId,
                verified && !matches ? mismatch : reason, pendingEntries, oldestPendingAgeMillis, headPosition,
                headHash, matches);
    }
}

package io.accord.rating.publish;

import io.accord.contracts.usage.UsageRated;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rated records this replica's ledger committed lately, by sequence number, as the events they are published
 * as: the publisher sends them from here instead of reading the rows back (JFR: reading back every rated row was
 * about as much PostgreSQL work as writing it). Bounded: the oldest are dropped beyond {@code limit} (when this
 * replica does not hold the publisher's cursor, or falls behind), and a pass that does not find the record right
 * after the cursor here reads the table, which stays the outbox.
 */
final class RecentRated {

    private final int limit;
    private final TreeMap<Long, UsageRated> bySequence = new TreeMap<>();

    RecentRated(int limit) {
        this.limit = limit;
    }

    /** Committed records (a ledger transaction's, consecutive sequence numbers). */
    synchronized void add(List<UsageRated> events) {
        for (UsageRated event : events) {
            bySequence.put(event.sequence(), event);
        }
        while (bySequence.size() > limit) {
            bySequence.pollFirstEntry();
        }
    }

    /**
     * Takes the records right after {@code cursor}, in sequence order and without a gap, at most {@code max}; none
     * when the one right after the cursor is not here. What the cursor has passed is dropped.
     */
    synchronized List<UsageRated> after(long cursor, int max) {
        bySequence.headMap(cursor, true).clear();
        List<UsageRated> due = new ArrayList<>();
        long next = cursor + 1;
        for (Map.Entry<Long, UsageRated> entry : bySequence.entrySet()) {
            if (entry.getKey() != next || due.size() == max) {
                break;
            }
            due.add(entry.getValue());
            next++;
        }
        for (UsageRated event : due) {
            bySequence.remove(event.sequence());
        }
        return due;
    }
}

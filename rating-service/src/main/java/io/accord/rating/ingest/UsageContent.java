package io.accord.rating.ingest;

import io.accord.rating.engine.UsageRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A 64-bit digest of what a usage record is rated on: usage type, subscriber, usage time (the instant: the same moment
 * written in another offset is the same usage), quantity (by value: {@code 125} and {@code 125.0} are equal), unit,
 * the product instance and offering it names, and its characteristics (in any order). Its source and usage id are its
 * identity and are not part of it. Kept with the record's duplicate marker ({@code usage_key.content}), so that a copy
 * sent again is compared with the original without reading the original (docs/rating-pipeline.md, "Duplicates").
 *
 * <p>FNV-1a over the fields' characters, no allocation but a quantity's normal form: it runs for every record the
 * pipeline claims. Not a cryptographic digest: a sender who forged an equal digest for different content would only
 * hide its own copy's conflict, and such a copy is not rated either way. The value is stored, so it must never
 * change for the same content (a change would mark every later copy of an earlier record as conflicting).
 */
final class UsageContent {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private UsageContent() {
    }

    static long digest(UsageRecord usage) {
        long hash = OFFSET_BASIS;
        hash = text(hash, usage.usageType());
        hash = text(hash, usage.subscriberId());
        if (usage.usageTime() == null) {
            hash = number(hash, -1);
        } else {
            Instant at = usage.usageTime().toInstant();
            hash = number(hash, at.getEpochSecond());
            hash = number(hash, at.getNano());
        }
        hash = quantity(hash, usage.quantity());
        hash = text(hash, usage.unit() == null ? null : usage.unit().name());
        hash = text(hash, usage.productInstanceId());
        hash = text(hash, usage.offeringId());
        // order-independent: the sum of each entry's own digest
        long characteristics = 0;
        for (Map.Entry<String, String> entry : usage.characteristics().entrySet()) {
            characteristics += text(text(OFFSET_BASIS, entry.getKey()), entry.getValue());
        }
        hash = number(hash, usage.characteristics().size());
        return number(hash, characteristics);
    }

    private static long quantity(long hash, BigDecimal quantity) {
        if (quantity == null) {
            return text(hash, null);
        }
        BigDecimal normal = quantity.signum() == 0 ? BigDecimal.ZERO : quantity.stripTrailingZeros();
        hash = number(hash, normal.scale());
        if (normal.unscaledValue().bitLength() < 64) {
            return number(hash, normal.unscaledValue().longValue());
        }
        return text(hash, normal.unscaledValue().toString());
    }

    /** A text with its length first (so that "ab", "c" and "a", "bc" differ), {@code null} apart from "". */
    private static long text(long hash, String value) {
        if (value == null) {
            return number(hash, -1);
        }
        hash = number(hash, value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            hash = (hash ^ (c & 0xff)) * PRIME;
            hash = (hash ^ (c >>> 8)) * PRIME;
        }
        return hash;
    }

    private static long number(long hash, long value) {
        for (int shift = 0; shift < 64; shift += 8) {
            hash = (hash ^ ((value >>> shift) & 0xff)) * PRIME;
        }
        return hash;
    }
}

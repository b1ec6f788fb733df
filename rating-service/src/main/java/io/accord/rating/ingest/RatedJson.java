package io.accord.rating.ingest;

import io.accord.contracts.usage.UsageRated;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The JSON of a {@link UsageRated} event as published on {@code usage.rated.v1}: the same document a JSON mapper
 * writes for the record (every component in order, {@code null} written as null, instants in ISO-8601 UTC, the usage
 * time with its offset as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} prints it), written straight into a builder.
 * The publisher sends one per rated record: the mapper's generic serialisation of the record was about a tenth of the
 * rating service's CPU in the benchmark (JFR). {@code RatedJsonTests} holds it equal to the mapper's output.
 */
public final class RatedJson {

    /** Each thread's builder, reused: a rated event's JSON is about 700 characters, one per rated record. */
    private static final ThreadLocal<StringBuilder> BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(1024));
    /** A builder grown beyond this by an unusual event is not kept. */
    private static final int KEPT_CAPACITY = 16 * 1024;

    private RatedJson() {
    }

    /** The event as UTF-8 JSON. */
    public static byte[] bytes(UsageRated event) {
        StringBuilder out = BUILDERS.get();
        out.setLength(0);
        byte[] json = write(out, event).toString().getBytes(StandardCharsets.UTF_8);
        if (out.capacity() > KEPT_CAPACITY) {
            BUILDERS.remove();
        }
        return json;
    }

    private static StringBuilder write(StringBuilder out, UsageRated event) {
        out.append("{\"ratedId\":");
        string(out, event.ratedId() == null ? null : event.ratedId().toString());
        out.append(",\"sequence\":").append(event.sequence());
        field(out, "kind", event.kind());
        time(out, "ratedAt", event.ratedAt(), IsoTimes::appendInstant);
        field(out, "source", event.source());
        field(out, "usageId", event.usageId());
        field(out, "subscriberId", event.subscriberId());
        time(out, "usageTime", event.usageTime(), IsoTimes::appendOffsetDateTime);
        field(out, "usageType", event.usageType());
        field(out, "billedQuantity", event.billedQuantity());
        field(out, "billedUnit", event.billedUnit());
        field(out, "currency", event.currency());
        field(out, "charge", event.charge());
        out.append(",\"parties\":");
        parties(out, event.parties());
        field(out, "margin", event.margin());
        field(out, "allocation", event.allocation());
        field(out, "productInstanceId", event.productInstanceId());
        field(out, "offeringId", event.offeringId());
        out.append(",\"offeringVersion\":").append(event.offeringVersion());
        field(out, "priceVersionId", event.priceVersionId());
        out.append(",\"priceVersion\":").append(event.priceVersion());
        out.append(",\"agreements\":");
        agreements(out, event.agreements());
        field(out, "reversalOf", event.reversalOf() == null ? null : event.reversalOf().toString());
        field(out, "customerReference", event.customerReference());
        field(out, "taxCategory", event.taxCategory());
        return out.append('}');
    }

    private static void parties(StringBuilder out, List<UsageRated.PartyAmount> parties) {
        if (parties == null) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < parties.size(); i++) {
            UsageRated.PartyAmount party = parties.get(i);
            out.append(i == 0 ? "{\"partnerId\":" : ",{\"partnerId\":");
            string(out, party.partnerId());
            field(out, "direction", party.direction() == null ? null : party.direction().name());
            field(out, "sharePercent", party.sharePercent());
            field(out, "amount", party.amount());
            out.append('}');
        }
        out.append(']');
    }

    private static void agreements(StringBuilder out, List<UsageRated.AgreementVersionRef> agreements) {
        if (agreements == null) {
            out.append("null");
            return;
        }
        out.append('[');
        for (int i = 0; i < agreements.size(); i++) {
            UsageRated.AgreementVersionRef agreement = agreements.get(i);
            out.append(i == 0 ? "{\"partnerId\":" : ",{\"partnerId\":");
            string(out, agreement.partnerId());
            field(out, "agreementId", agreement.agreementId());
            out.append(",\"version\":").append(agreement.version()).append('}');
        }
        out.append(']');
    }

    /** A time as a JSON string (no character of it needs an escape), {@code null} as null. */
    private static <T> void time(StringBuilder out, String name, T value, BiConsumer<StringBuilder, T> text) {
        out.append(",\"").append(name).append("\":");
        if (value == null) {
            out.append("null");
            return;
        }
        text.accept(out.append('"'), value);
        out.append('"');
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        string(out, value);
    }

    private static void string(StringBuilder out, String value) {
        JsonText.string(out, value);
    }
}

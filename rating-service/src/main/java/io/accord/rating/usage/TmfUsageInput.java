package io.accord.rating.usage;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.platform.persistence.StorableText;
import io.accord.rating.engine.UsageRecord;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a TMF635 {@code Usage_Create} body to a usage record, or says which field is wrong (documented in
 * docs/rating-usage-api.md). {@code usageDate} and {@code usageType} are TMF fields; our own fields travel as
 * {@code usageCharacteristic} entries with reserved names; every other characteristic is a rating characteristic.
 */
final class TmfUsageInput {

    static final String USAGE_ID = "usageId";
    static final String SOURCE = "source";
    static final String SUBSCRIBER_ID = "subscriberId";
    static final String QUANTITY = "quantity";
    static final String UNIT = "unit";
    static final String PRODUCT_ID = "productId";
    static final String OFFERING_ID = "offeringId";
    private static final Set<String> RESERVED = Set.of(USAGE_ID, SOURCE, SUBSCRIBER_ID, QUANTITY, UNIT, PRODUCT_ID,
            OFFERING_ID);
    static final int MAX_ID_LENGTH = 200;
    /** Units whose quantities are counts: events, messages and API calls are whole. */
    private static final Set<UnitOfMeasure.Dimension> COUNTED = java.util.EnumSet.of(UnitOfMeasure.Dimension.EVENT,
            UnitOfMeasure.Dimension.MESSAGE, UnitOfMeasure.Dimension.API_CALL);
    private static final int MAX_INTEGER_DIGITS = UsageRecord.MAX_INTEGER_DIGITS;
    private static final int MAX_DECIMALS = UsageRecord.MAX_DECIMALS;
    /**
     * The members of a TMF635 {@code Usage} (those of {@code Usage_Create}, and {@code id} and {@code href}, refused
     * below as set by the server): any other is a typo, refused naming it, as every request body is read strictly.
     */
    private static final Set<String> USAGE_MEMBERS = Set.of("id", "href", "description", "usageDate", "usageType",
            "ratedProductUsage", "relatedParty", "status", "usageCharacteristic", "usageSpecification", "@baseType",
            "@schemaLocation", "@type");
    /** The members of a TMF635 {@code UsageCharacteristic}. */
    private static final Set<String> CHARACTERISTIC_MEMBERS = Set.of("id", "name", "valueType",
            "characteristicRelationship", "value", "@baseType", "@schemaLocation", "@type");

    private TmfUsageInput() {
    }

    /**
     * A record read completely ({@code record}), or the field that is wrong and why, with the record's usage id and
     * source when they could be read all the same ({@code usageId}, {@code source}, else {@code null}) and the record
     * as it was sent ({@code text}), to be kept with its INVALID suspense record.
     */
    record Read(UsageRecord record, String field, String problem, String usageId, String source, String text) {
        static Read invalid(String field, String problem) {
            return new Read(null, field, problem, null, null, null);
        }

        /** The same, sent as {@code sent} (a file's row as it was written). */
        Read sentAs(String sent) {
            return new Read(record, field, problem, usageId, source, sent);
        }
    }

    /**
     * @param defaultSource the source used when the body names none (a partner's own id), {@code null} for none
     */
    static Read read(JsonNode body, String defaultSource) {
        Read read = readChecked(body, defaultSource);
        return read.record() != null ? read : new Read(null, read.field(), read.problem(), readableUsageId(body),
                readable(body, SOURCE, defaultSource), body == null ? null : body.toString());
    }

    private static Read readChecked(JsonNode body, String defaultSource) {
        if (body == null || !body.isObject()) {
            return Read.invalid("", "a usage must be a JSON object");
        }
        Read unknown = unknownMember(body, USAGE_MEMBERS, "", "a TMF635 Usage");
        if (unknown != null) {
            return unknown;
        }
        for (String forbidden : new String[]{"id", "href", "status", "ratedProductUsage"}) {
            if (body.has(forbidden) && !body.get(forbidden).isNull()) {
                return Read.invalid(forbidden, forbidden + " is set by the server");
            }
        }
        String usageType = string(body.get("usageType"));
        if (usageType == null || usageType.isBlank()) {
            return Read.invalid("usageType", "usageType is required (e.g. VOICE, DATA, SMS)");
        }
        if (usageType.length() > MAX_ID_LENGTH) {
            return Read.invalid("usageType", "usageType is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!StorableText.storable(usageType)) {
            return Read.invalid("usageType", "usageType contains a NUL character or an unpaired surrogate");
        }
        String date = string(body.get("usageDate"));
        if (date == null) {
            return Read.invalid("usageDate", "usageDate is required (ISO-8601 date-time with offset)");
        }
        OffsetDateTime usageDate;
        try {
            usageDate = OffsetDateTime.parse(date);
        } catch (DateTimeParseException bad) {
            return Read.invalid("usageDate", "usageDate '" + abbreviated(date)
                    + "' is not an ISO-8601 date-time with offset");
        }
        // in UTC too, as it is stored: 9999-12-31T23:00-05:00 is in the year 10000, which no row holds
        if (usageDate.getYear() < 1900 || usageDate.getYear() > 9999 || !UsageRecord.storable(usageDate)) {
            return Read.invalid("usageDate", "usageDate is not between the years 1900 and 9999");
        }
        JsonNode characteristics = body.get("usageCharacteristic");
        Map<String, String> values = new HashMap<>();
        Map<String, String> reserved = new HashMap<>();
        if (characteristics != null && !characteristics.isNull()) {
            if (!characteristics.isArray()) {
                return Read.invalid("usageCharacteristic", "usageCharacteristic must be an array");
            }
            for (int i = 0; i < characteristics.size(); i++) {
                JsonNode characteristic = characteristics.get(i);
                String at = "usageCharacteristic[" + i + "]";
                Read unknownMember = characteristic.isObject()
                        ? unknownMember(characteristic, CHARACTERISTIC_MEMBERS, at + ".", "a UsageCharacteristic")
                        : null;
                if (unknownMember != null) {
                    return unknownMember;
                }
                String name = characteristic.isObject() ? string(characteristic.get("name")) : null;
                if (name == null || name.isBlank()) {
                    return Read.invalid(at + ".name", "every usage characteristic needs a name");
                }
                JsonNode value = characteristic.get("value");
                if (value == null || !(value.isString() || value.isNumber() || value.isBoolean() || value.isNull())) {
                    return Read.invalid(at + ".value", "the value of '" + abbreviated(name)
                            + "' must be a string, number or boolean");
                }
                if (value.isNumber() && !plainWritable(value)) {
                    return Read.invalid(at + ".value", "the value of '" + abbreviated(name) + "' is a number too"
                            + " large or too small to be kept (write it as a string)");
                }
                String text = value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString()
                        : value.asString();
                if (!StorableText.storable(name) || text != null && !StorableText.storable(text)) {
                    return Read.invalid(at, "contains a NUL character or an unpaired surrogate (such as \\ud800)");
                }
                Map<String, String> target = RESERVED.contains(name) ? reserved : values;
                if (target.containsKey(name)) {
                    return Read.invalid(at + ".name", "characteristic '" + abbreviated(name) + "' is given twice");
                }
                target.put(name, text);
            }
        }
        String source = Optional.ofNullable(reserved.get(SOURCE)).orElse(defaultSource);
        for (String required : new String[]{USAGE_ID, SUBSCRIBER_ID, QUANTITY, UNIT}) {
            String value = reserved.get(required);
            if (value == null || value.isBlank()) {
                return Read.invalid("usageCharacteristic." + required, "characteristic '" + required
                        + "' is required");
            }
        }
        if (source == null || source.isBlank()) {
            return Read.invalid("usageCharacteristic." + SOURCE, "characteristic 'source' is required");
        }
        for (String id : new String[]{USAGE_ID, SOURCE, SUBSCRIBER_ID, PRODUCT_ID, OFFERING_ID}) {
            String value = id.equals(SOURCE) ? source : reserved.get(id);
            if (value != null && value.length() > MAX_ID_LENGTH) {
                return Read.invalid("usageCharacteristic." + id, id + " is longer than " + MAX_ID_LENGTH
                        + " characters");
            }
        }
        String productId = reserved.get(PRODUCT_ID);
        if (productId != null && !uuidShaped(productId)) {
            // a product instance's id is a UUID (orchestration's); any other names no instance, and was suspended as
            // NO_PRODUCT_INSTANCE as if the product were not in force
            return Read.invalid("usageCharacteristic." + PRODUCT_ID, "productId '" + abbreviated(productId)
                    + "' is not a product instance id (a UUID such as 25bb2992-6fc3-41bb-9601-88f9577ae1ed)");
        }
        String quantityText = reserved.get(QUANTITY);
        BigDecimal quantity;
        try {
            quantity = new BigDecimal(quantityText);
        } catch (NumberFormatException bad) {
            return Read.invalid("usageCharacteristic." + QUANTITY, "quantity '" + abbreviated(quantityText)
                    + "' is not a decimal number");
        }
        if (quantityText.indexOf('e') >= 0 || quantityText.indexOf('E') >= 0) {
            // settlement and the exports write plain decimals; 1e3 was read as 1000 and 1E2 shown back as 100
            return Read.invalid("usageCharacteristic." + QUANTITY, "quantity '" + abbreviated(quantityText)
                    + "' has an exponent: write it as a plain decimal number (e.g. 1000 or 0.5)");
        }
        if (!UsageRecord.storableQuantity(quantity)) {
            return Read.invalid("usageCharacteristic." + QUANTITY, "quantity has more than " + MAX_INTEGER_DIGITS
                    + " digits before or " + MAX_DECIMALS + " after the decimal point");
        }
        if (quantity.signum() < 0) {
            return Read.invalid("usageCharacteristic." + QUANTITY, "quantity must not be negative");
        }
        Optional<UnitOfMeasure> unit = UnitOfMeasure.ofCode(reserved.get(UNIT));
        if (unit.isEmpty()) {
            return Read.invalid("usageCharacteristic." + UNIT, "unit '" + abbreviated(reserved.get(UNIT))
                    + "' is not a unit of measure (B, KB, MB, GB, S, MIN, H, EVENT, MESSAGE, API_CALL)");
        }
        if (COUNTED.contains(unit.get().dimension()) && quantity.stripTrailingZeros().scale() > 0) {
            return Read.invalid("usageCharacteristic." + QUANTITY, "quantity " + quantity.toPlainString() + " "
                    + unit.get() + " is not a whole number: " + unit.get().label() + "s are counted");
        }
        // compared as units are, whatever the case: "voice" is the VOICE the offerings' prices name
        usageType = usageType.toUpperCase(java.util.Locale.ROOT);
        return new Read(new UsageRecord(source, reserved.get(USAGE_ID), usageType, reserved.get(SUBSCRIBER_ID),
                usageDate, quantity, unit.get(), reserved.get(PRODUCT_ID), reserved.get(OFFERING_ID),
                Map.copyOf(values.entrySet().stream().filter(e -> e.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))),
                null, null, reserved.get(USAGE_ID), source, null);
    }

    /** Whether a text has the shape of a UUID (36 characters, any case), as every product instance id has. */
    private static boolean uuidShaped(String text) {
        return UsageRecord.partnerSource(text);
    }

    /** The first member of {@code object} that is not among {@code known}, as the problem naming its path. */
    private static Read unknownMember(JsonNode object, Set<String> known, String at, String what) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!known.contains(member.getKey())) {
                String name = abbreviated(shown(member.getKey()));
                return Read.invalid(at + name, "'" + name + "' is not a field of " + what + "; known fields: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return null;
    }

    /**
     * The usage id of a record that is invalid for another reason, when its {@code usageId} characteristic is one
     * a valid record could have (a text of at most 200 storable characters); else {@code null}.
     */
    private static String readableUsageId(JsonNode body) {
        return readable(body, USAGE_ID, null);
    }

    /**
     * The value of characteristic {@code name} of a record that is invalid for another reason, when it is one a valid
     * record could have (a text of at most 200 storable characters); {@code absent} when the record has no such
     * characteristic; else {@code null}.
     */
    private static String readable(JsonNode body, String name, String absent) {
        JsonNode characteristics = body == null || !body.isObject() ? null : body.get("usageCharacteristic");
        if (characteristics == null || !characteristics.isArray()) {
            return absent;
        }
        for (JsonNode characteristic : characteristics) {
            if (characteristic.isObject() && name.equals(string(characteristic.get("name")))) {
                JsonNode value = characteristic.get("value");
                String text = value != null && (value.isString() || value.isIntegralNumber()) ? value.asString()
                        : null;
                return text == null || text.isBlank() || text.length() > MAX_ID_LENGTH || !StorableText.storable(text)
                        ? null : text;
            }
        }
        return absent;
    }

    /** A name as it can be shown back: a NUL as its escape, an unpaired surrogate as U+FFFD. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> shown.appendCodePoint(c <= 0xFFFF && Character.isSurrogate((char) c)
                ? 0xFFFD : c));
        return StorableText.of(shown.toString());
    }

    private static String string(JsonNode node) {
        return node == null || node.isNull() ? null : node.isString() ? node.asString() : node.toString();
    }

    private static String abbreviated(String value) {
        return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** The most digits a number's plain form may shift its decimal point by: 1e400 is refused, not written out. */
    private static final int MAX_NUMBER_EXPONENT = 1_000;

    /**
     * Whether a JSON number can be written out plainly: finite (JSON's {@code 1e400} is read as an infinite double,
     * whose decimal value throws) and with an exponent that does not make its plain form huge ({@code toPlainString}
     * of {@code 1e2147483647} throws OutOfMemoryError).
     */
    private static boolean plainWritable(JsonNode number) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return false;
        }
        return Math.abs((long) number.decimalValue().scale()) <= MAX_NUMBER_EXPONENT;
    }
}

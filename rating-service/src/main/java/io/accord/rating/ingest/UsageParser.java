package io.accord.rating.ingest;

import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.rating.engine.UsageRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the JSON of a {@link io.accord.contracts.usage.UsageReported} with the streaming parser (no tree, no
 * reflection: this runs for every record). It never throws: what it cannot read becomes a {@code problem} sentence
 * (the record then goes to suspense as INVALID), and whatever identity it could read (source, usage id) is kept so
 * that a resent copy is still recognised as a duplicate. A member the record does not have (a misspelt
 * {@code usageTyp}) is such a problem, naming it; TMF's {@code @type}, {@code @baseType} and {@code @schemaLocation}
 * are accepted and ignored.
 */
final class UsageParser {

    private static final JsonFactory JSON = new JsonFactory();
    /**
     * The member of the wrapper that an unreadable record of another input is kept in
     * ({@link UsageLedger.Incoming#unreadable}): read again, such a record is INVALID with the reason it got when it
     * was received.
     */
    static final String UNREADABLE = "unreadable";
    /** Longer identifiers could not be indexed (a btree entry holds about 2,700 bytes): such a record is INVALID. */
    static final int MAX_ID_LENGTH = 200;
    /** Quantities beyond these are no usage (and would make absurdly long numbers). */
    private static final int MAX_INTEGER_DIGITS = UsageRecord.MAX_INTEGER_DIGITS;
    private static final int MAX_DECIMALS = UsageRecord.MAX_DECIMALS;

    private UsageParser() {
    }

    /** What was read; {@code problem} is {@code null} when the record is complete enough for the engine. */
    record Parsed(UsageRecord record, String problem) {
    }

    /** Reads a record as received: a member the record does not have is a problem naming it (read strictly). */
    static Parsed parse(byte[] json) {
        return parse(json, true);
    }

    /**
     * Reads a record kept in suspense again, to recycle it: a member the record does not have is ignored, since the
     * record was taken in when it arrived (kept before unknown members were refused, or suspended for one: recycling
     * it is ops' decision, and correcting a payload is not built).
     */
    static Parsed reread(byte[] json) {
        return parse(json, false);
    }

    /** {@code strict}: an unknown member is a problem; else it is skipped. */
    private static Parsed parse(byte[] json, boolean strict) {
        Fields fields = new Fields();
        if (json == null || json.length == 0) {
            return fields.toParsed("the record has no value");
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields.toParsed("the record is not a JSON object");
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "usageId" -> fields.usageId = text(parser, token, name, fields);
                    case "source" -> fields.source = text(parser, token, name, fields);
                    case "usageType" -> fields.usageType = text(parser, token, name, fields);
                    case "subscriberId" -> fields.subscriberId = text(parser, token, name, fields);
                    case "startTime" -> fields.startTime = text(parser, token, name, fields);
                    case "quantity" -> fields.quantity = text(parser, token, name, fields);
                    case "unit" -> fields.unit = text(parser, token, name, fields);
                    case "productId" -> fields.productId = text(parser, token, name, fields);
                    case "offeringId" -> fields.offeringId = text(parser, token, name, fields);
                    case "characteristics" -> characteristics(parser, token, fields);
                    case UNREADABLE -> {
                        String why = text(parser, token, name, fields);
                        fields.problem(strict ? unknown(name) : "it could not be read when it was received: " + why);
                    }
                    // TMF's meta members, which a sender's JSON library may add to every object it writes
                    case "@type", "@baseType", "@schemaLocation" -> parser.skipChildren();
                    default -> {
                        parser.skipChildren();
                        if (strict) {
                            // no extra pass and nothing allocated for a good record: only an unknown name costs
                            fields.problem(unknown(name));
                        }
                    }
                }
            }
            if (parser.nextToken() != null) {
                fields.problem("the record has content after its JSON object");
            }
        } catch (JacksonException malformed) {
            fields.problem("the record is not valid JSON: " + malformed.getOriginalMessage());
        }
        return fields.toParsed(null);
    }

    private static String unknown(String name) {
        StringBuilder shown = new StringBuilder();
        // a NUL cannot be stored in the suspense detail (the parser refuses a name with an unpaired surrogate)
        name.codePoints().limit(40).forEach(c -> shown.appendCodePoint(c == 0 ? ' ' : c));
        return "'" + shown + (name.codePointCount(0, name.length()) > 40 ? "…" : "") + "' is not a field of a usage"
                + " record (usageId, source, usageType, subscriberId, startTime, quantity, unit, productId, offeringId,"
                + " characteristics)";
    }

    /** A string, or a number written without quotes; anything else is a problem naming the field. */
    private static String text(JsonParser parser, JsonToken token, String name, Fields fields) {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String value = parser.getString();
                if (value.indexOf('\u0000') >= 0) {
                    fields.problem(name + " contains a NUL character");
                    yield null;
                }
                yield value;
            }
            case VALUE_NULL -> null;
            default -> {
                parser.skipChildren();
                fields.problem(name + " must be a string");
                yield null;
            }
        };
    }

    private static void characteristics(JsonParser parser, JsonToken token, Fields fields) {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            fields.problem("characteristics must be an object of strings");
            return;
        }
        Map<String, String> values = new HashMap<>();
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            if (value.isScalarValue()) {
                String text = value == JsonToken.VALUE_NULL ? null : parser.getString();
                if (name.indexOf('\u0000') >= 0 || text != null && text.indexOf('\u0000') >= 0) {
                    fields.problem("characteristics." + name.replace('\u0000', ' ') + " contains a NUL character");
                    continue;
                }
                values.put(name, text);
            } else {
                parser.skipChildren();
                fields.problem("characteristics." + name + " must be a string");
            }
        }
        fields.characteristics = values;
    }

    private static final class Fields {
        String usageId;
        String source;
        String usageType;
        String subscriberId;
        String startTime;
        String quantity;
        String unit;
        String productId;
        String offeringId;
        Map<String, String> characteristics;
        private String problem;

        void problem(String sentence) {
            if (problem == null) {
                problem = sentence;
            }
        }

        Parsed toParsed(String failure) {
            if (failure != null) {
                problem(failure);
            }
            source = limited("source", source);
            usageId = limited("usageId", usageId);
            subscriberId = limited("subscriberId", subscriberId);
            usageType = limited("usageType", usageType);
            productId = limited("productId", productId);
            offeringId = limited("offeringId", offeringId);
            OffsetDateTime time = null;
            if (startTime != null) {
                try {
                    time = IsoTimes.parseOffsetDateTime(startTime);
                    // in UTC too, as it is stored: 9999-12-31T23:00-05:00 is in the year 10000, which no row holds
                    if (time.getYear() < 1900 || time.getYear() > 9999 || !UsageRecord.storable(time)) {
                        problem("startTime '" + abbreviated(startTime) + "' is not between the years 1900 and 9999");
                        time = null;
                    }
                } catch (DateTimeParseException bad) {
                    problem("startTime '" + abbreviated(startTime) + "' is not an ISO-8601 date-time with offset");
                }
            }
            BigDecimal amount = null;
            if (quantity != null) {
                try {
                    amount = new BigDecimal(quantity);
                    if (!UsageRecord.storableQuantity(amount)) {
                        problem("quantity '" + quantity + "' has more than " + MAX_INTEGER_DIGITS + " digits before"
                                + " or " + MAX_DECIMALS + " after the decimal point");
                        amount = null;
                    }
                } catch (NumberFormatException bad) {
                    problem("quantity '" + abbreviated(quantity) + "' is not a decimal number");
                }
            }
            UnitOfMeasure measure = null;
            if (unit != null) {
                measure = UnitOfMeasure.ofCode(unit).orElse(null);
                if (measure == null) {
                    problem("unit '" + abbreviated(unit) + "' is not a unit of measure");
                }
            }
            UsageRecord record = new UsageRecord(blankToNull(source), blankToNull(usageId), usageType, subscriberId,
                    time, amount, measure, productId, offeringId, characteristics);
            return new Parsed(record, problem);
        }

        /** The value, or {@code null} with a problem when it is too long to be an identifier. */
        private String limited(String name, String value) {
            if (value != null && value.length() > MAX_ID_LENGTH) {
                problem(name + " is longer than " + MAX_ID_LENGTH + " characters");
                return null;
            }
            return value;
        }

        private static String abbreviated(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}

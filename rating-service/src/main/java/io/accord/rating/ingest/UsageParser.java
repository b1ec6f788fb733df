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
 * that a resent copy is still recognised as a duplicate.
 */
final class UsageParser {

    private static final JsonFactory JSON = new JsonFactory();

    private UsageParser() {
    }

    /** What was read; {@code problem} is {@code null} when the record is complete enough for the engine. */
    record Parsed(UsageRecord record, String problem) {
    }

    static Parsed parse(byte[] json) {
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
                    default -> parser.skipChildren();
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

    /** A string, or a number written without quotes; anything else is a problem naming the field. */
    private static String text(JsonParser parser, JsonToken token, String name, Fields fields) {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString();
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
                values.put(name, value == JsonToken.VALUE_NULL ? null : parser.getString());
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
            OffsetDateTime time = null;
            if (startTime != null) {
                try {
                    time = OffsetDateTime.parse(startTime);
                } catch (DateTimeParseException bad) {
                    problem("startTime '" + startTime + "' is not an ISO-8601 date-time with offset");
                }
            }
            BigDecimal amount = null;
            if (quantity != null) {
                try {
                    amount = new BigDecimal(quantity);
                } catch (NumberFormatException bad) {
                    problem("quantity '" + quantity + "' is not a decimal number");
                }
            }
            UnitOfMeasure measure = null;
            if (unit != null) {
                measure = UnitOfMeasure.ofCode(unit).orElse(null);
                if (measure == null) {
                    problem("unit '" + unit + "' is not a unit of measure");
                }
            }
            UsageRecord record = new UsageRecord(blankToNull(source), blankToNull(usageId), usageType, subscriberId,
                    time, amount, measure, productId, offeringId, characteristics);
            return new Parsed(record, problem);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}

package io.accord.platform.web;

import io.accord.platform.persistence.StorableText;
import io.accord.platform.problem.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A request body's text fields hold only what PostgreSQL can store ({@link StorableText#storable}): an unpaired UTF-16
 * surrogate (JSON's backslash-u d800 escape) was answered 201 and echoed, then read back as {@code "?x"} (a partner's
 * given name, an invoice number, a catalog {@code externalId}; found on 2026-12-06), and a NUL failed at the
 * database, unnamed. Now both are the field's 400. Text inside free-form JSON ({@code JsonNode} members) is not a
 * field of a record: the database's refusal still answers for it. Registered by {@link StrictRequestBodies} for
 * request bodies only.
 *
 * <p>Nor do they hold the explicit directional formatting characters (embeddings, overrides and isolates, U+202A to
 * U+202E and U+2066 to U+2069): a partner name such as "Acme", U+202E, "gnp.exe" is shown reversed in the portal,
 * in statements and in e-mails, so that it reads as something else (the "Trojan Source" trick). Right-to-left text
 * needs none of them (Unicode's bidirectional algorithm orders Arabic or Hebrew by itself), and the marks that
 * legitimately adjust it (U+200E and U+200F) are kept.
 */
final class StorableStrings extends StringDeserializer {

    static final String MUST_BE = "must not hold a NUL character (\\u0000) or an unpaired UTF-16 surrogate (such as "
            + "\\ud800 without its pair): no text we keep can hold them";

    static final String NO_DIRECTIONAL_CONTROLS = "must not hold directional formatting characters (U+202A to U+202E, "
            + "U+2066 to U+2069: embeddings, overrides, isolates), which make text display as something else; "
            + "right-to-left text needs none of them";

    private StorableStrings() {
    }

    static JacksonModule module() {
        return new SimpleModule("accord-storable-strings").addDeserializer(String.class, new StorableStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        String text = super.deserialize(parser, context);
        if (text != null && !StorableText.storable(text)) {
            throw DatabindException.from(context, "a text that cannot be stored", new InvalidValueException(MUST_BE));
        }
        if (text != null && holdsDirectionalControl(text)) {
            throw DatabindException.from(context, "a text with directional controls",
                    new InvalidValueException(NO_DIRECTIONAL_CONTROLS));
        }
        return text;
    }

    /** Whether the text holds an explicit embedding, override or isolate (U+202A..U+202E, U+2066..U+2069). */
    static boolean holdsDirectionalControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return true;
            }
        }
        return false;
    }
}

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
 */
final class StorableStrings extends StringDeserializer {

    static final String MUST_BE = "must not hold a NUL character (\\u0000) or an unpaired UTF-16 surrogate (such as "
            + "\\ud800 without its pair): no text we keep can hold them";

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
        return text;
    }
}

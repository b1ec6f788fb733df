package io.accord.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record whose attributes (JSON names, as Jackson writes them) an operation's resource has, for a TMF operation
 * that answers a map or a JSON tree rather than the record itself (alone, in a list or in a {@code ResponseEntity}):
 * {@link FieldSelection} then refuses a {@code fields=} name outside them, as it does for a record's operations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Representation {

    /** The record with the resource's first-level attributes. */
    Class<? extends Record> value();
}

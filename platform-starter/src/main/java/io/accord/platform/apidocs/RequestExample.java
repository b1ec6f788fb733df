package io.accord.platform.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The example request body of an operation in its API docs, read from the repository's {@code examples/} folder
 * (copied into the service's jar under {@code examples/}), so the docs and the README's commands show the same
 * bodies. A missing file fails the API docs (and so the service's API docs test).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequestExample {

    /**
     * Path under {@code examples/}, e.g. {@code onboarding/application.json}. For a multipart upload, the file to
     * upload (e.g. {@code onboarding/tax-form.pdf}): the example then names it as the {@code file} part.
     */
    String value();

    /** For a multipart upload: the other form fields, as {@code name=value}. */
    String[] fields() default {};
}

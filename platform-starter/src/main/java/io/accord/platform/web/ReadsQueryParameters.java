package io.accord.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that reads query parameters from the request itself ({@code request.getParameterMap()},
 * {@code getParameterValues}) rather than declaring them, so that {@link KnownQueryParameters} knows which names it
 * reads. Without it, an operation taking the {@code HttpServletRequest} (e.g. to stream its body or read a header) is
 * checked like any other: {@code importJob?dryrun=true} ran the import for real, the misspelt name ignored (found on
 * 2026-12-07).
 * <ul>
 *   <li>{@code @ReadsQueryParameters} (no names): it reads any name and refuses unknown ones on its own, as a TMF
 *       list's {@link AttributeFilter} does; the interceptor leaves its query alone.</li>
 *   <li>{@code @ReadsQueryParameters("groupBy")}: it reads these names besides its declared parameters; any other
 *       name is refused as for every operation.</li>
 * </ul>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsQueryParameters {

    /** The names the operation reads itself; empty when it reads (and checks) any name. */
    String[] value() default {};
}

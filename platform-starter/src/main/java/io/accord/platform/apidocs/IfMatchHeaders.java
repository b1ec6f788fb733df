package io.accord.platform.apidocs;

import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents an operation's {@link IfMatch} parameter as what the client sends: the optional {@code If-Match} header,
 * described by {@link EntityTags#IF_MATCH} or by the parameter's own {@code @Parameter(description = ...)}, never as
 * a query parameter or an object. {@link ConditionalReads} then finds the resource versioned (and lists the 412).
 */
class IfMatchHeaders implements GlobalOperationCustomizer {

    IfMatchHeaders() {
        // the header is documented below; springdoc would show the record as a query parameter of its own
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IfMatch.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
            if (parameter.getParameterType() == IfMatch.class && !ConditionalReads.takesIfMatch(operation)) {
                operation.addParametersItem(new HeaderParameter().name(ConditionalReads.IF_MATCH).required(false)
                        .description(description(parameter)).schema(new StringSchema()));
            }
        }
        return operation;
    }

    private static String description(MethodParameter parameter) {
        io.swagger.v3.oas.annotations.Parameter stated =
                parameter.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
        return stated != null && !stated.description().isBlank() ? stated.description() : EntityTags.IF_MATCH;
    }
}

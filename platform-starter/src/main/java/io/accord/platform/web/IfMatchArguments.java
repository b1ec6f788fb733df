package io.accord.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller parameter of type {@link IfMatch} the request's {@code If-Match}: several header lines are one
 * list (RFC 9110 5.3), joined with {@code ", "}; none is {@link IfMatch#NONE}; a malformed one is the 400 of
 * {@link IfMatch#of}. The API docs show the parameter as the optional {@code If-Match} header (the starter's
 * {@code IfMatchHeaders}).
 */
final class IfMatchArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IfMatch.class;
    }

    @Override
    public IfMatch resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                   NativeWebRequest request, WebDataBinderFactory binders) {
        String[] lines = request.getHeaderValues(HttpHeaders.IF_MATCH);
        return lines == null || lines.length == 0 ? IfMatch.NONE : IfMatch.of(String.join(", ", lines));
    }
}

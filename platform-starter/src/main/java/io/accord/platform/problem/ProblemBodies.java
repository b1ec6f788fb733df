package io.accord.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Hands every problem body a controller or an exception handler answers to the {@link ProblemListener}s. */
@ControllerAdvice
public class ProblemBodies implements ResponseBodyAdvice<Object> {

    private final ObjectProvider<ProblemListener> listeners;

    public ProblemBodies(ObjectProvider<ProblemListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            tell(listeners, servlet.getServletRequest(), problem);
        }
        return body;
    }

    static void tell(ObjectProvider<ProblemListener> listeners, HttpServletRequest request, ProblemDetail problem) {
        listeners.orderedStream().forEach(listener -> listener.answering(request, problem));
    }
}

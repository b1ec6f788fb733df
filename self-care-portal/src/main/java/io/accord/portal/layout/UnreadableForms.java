package io.accord.portal.layout;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * A form Tomcat cannot read (a file over {@code spring.servlet.multipart.max-file-size}, a request over
 * {@code max-request-size}, a part's headers over {@code server.tomcat.max-part-header-size}, too many parts) is
 * refused here, ahead of Spring Security, with the status Tomcat names (413, else 400), and answered by
 * {@link ErrorPages} like any other error: the error page with the layout, or problem+json.
 * <p>
 * Without this, the first filter that read a parameter (Spring Security's) got Tomcat's exception, and so did the
 * error dispatch that followed, so the browser got Tomcat's bare "HTTP Status 413 – Payload Too Large" page. Here the
 * form is read once; refused, the request goes on to the error page without it (no parameters, no parts), so nothing
 * reads it again.
 */
class UnreadableForms extends OncePerRequestFilter {

    /** Request attribute: the status a refused form was answered with. */
    static final String REFUSED = UnreadableForms.class.getName() + ".refused";

    private static final Logger log = LoggerFactory.getLogger(UnreadableForms.class);
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(REFUSED) != null) {
            // the error dispatch of a refused form
            chain.doFilter(new WithoutForm(request), response);
            return;
        }
        if (request.getDispatcherType() == DispatcherType.REQUEST && isForm(request)) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException unreadable) {
                int status = unreadable instanceof InvalidParameterException tomcat && tomcat.getErrorCode() >= 400
                        ? tomcat.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
                log.info("form refused ({}): {} {}: {}", status, request.getMethod(), request.getRequestURI(),
                        unreadable.getMessage());
                request.setAttribute(REFUSED, status);
                response.sendError(status);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return WITH_BODY.contains(request.getMethod()) && type != null
                && (type.regionMatches(true, 0, "multipart/", 0, 10)
                || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33));
    }

    /** The request without its unreadable form: no parameters, no parts. */
    private static final class WithoutForm extends HttpServletRequestWrapper {

        WithoutForm(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }

    /** Ahead of Spring Security's filter chain, on requests and their error dispatches. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<UnreadableForms> unreadableForms() {
            FilterRegistrationBean<UnreadableForms> registration = new FilterRegistrationBean<>(new UnreadableForms());
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }
}

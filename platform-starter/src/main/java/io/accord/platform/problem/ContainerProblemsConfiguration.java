package io.accord.platform.problem;

import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json for the errors no controller answers: requests the Spring Security firewall rejects, the
 * container's error page ({@code /error}), and requests Tomcat refuses before any filter runs.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerProblemsConfiguration {

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        return new ProblemErrorController(new PathMethods(mappings));
    }

    /**
     * The firewall's refusals: a method no operation answers ({@code FOO} 501; {@code TRACE} or {@code CONNECT}, which
     * Tomcat refuses before the firewall unless told otherwise, 405 with the path's {@code Allow}; see
     * {@link UnsupportedMethods}, the firewall checks the method first), else a path or header it does not let through
     * (encoded slashes, {@code ;}, {@code //}, {@code ..}, control characters).
     */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems,
            ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        PathMethods pathMethods = new PathMethods(mappings);
        return (request, response, rejected) -> {
            if (!response.isCommitted()) {
                response.reset();
                String method = request.getMethod();
                if (UnsupportedMethods.isUnsupported(method)) {
                    HttpStatus status = UnsupportedMethods.status(method);
                    if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                        response.setHeader(HttpHeaders.ALLOW,
                                pathMethods.allow(request.getRequestURI(), request.getContextPath()));
                    }
                    problems.write(request, response, status, Problems.slugFor(status),
                            UnsupportedMethods.detail(method));
                    return;
                }
                problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request",
                        "The request path is not allowed: it holds an encoded slash or backslash, a dot segment, "
                                + "a semicolon, a doubled slash or a control character.");
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatProblems {

        /**
         * Runs after Spring Boot's own Tomcat customizer, which adds a plain {@link ErrorReportValve} to the host:
         * that one is replaced by {@link ProblemErrorReportValve}, and the host is told not to add its default.
         */
        @Bean
        ProblemValveCustomizer problemErrorReportValve(JsonMapper json,
                                                       ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
            return new ProblemValveCustomizer(json, new PathMethods(mappings));
        }

        private static void install(Container parent, JsonMapper json, PathMethods pathMethods) {
            if (!(parent instanceof Host host)) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(json, pathMethods));
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        }
    }

    /**
     * Runs after Spring Boot's own Tomcat customizer, which adds a plain {@link ErrorReportValve} to the host: that
     * one is replaced by {@link ProblemErrorReportValve}, and the host is told not to add its default.
     */
    static final class ProblemValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final JsonMapper json;
        private final PathMethods pathMethods;

        ProblemValveCustomizer(JsonMapper json, PathMethods pathMethods) {
            this.json = json;
            this.pathMethods = pathMethods;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> TomcatProblems.install(context.getParent(), json, pathMethods));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}

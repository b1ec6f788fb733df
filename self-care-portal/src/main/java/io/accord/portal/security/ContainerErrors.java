package io.accord.portal.security;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import io.accord.portal.problem.ProblemAnswer;
import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal's answer to a request Tomcat refuses before any filter or page runs (an undecodable path such as
 * {@code /%zz}, an encoded NUL or slash, a request line or headers over the limit): the portal's error page, or
 * problem+json for a client that prefers JSON, with the security headers of every page. Tomcat's own valve answered
 * "HTTP Status 400 – Bad Request" in HTML of its own, without them. The services do the same with problem+json
 * (platform-starter's {@code ContainerProblemsConfiguration}, which the portal does not depend on).
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    PortalValveCustomizer portalErrorReportValve(MessageSource messages, KeycloakProperties keycloak) {
        return new PortalValveCustomizer(messages, SecurityHeaders.contentSecurityPolicy(keycloak));
    }

    /** Runs after Spring Boot's own customizer, which adds the plain {@link ErrorReportValve}: that one is replaced. */
    static final class PortalValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final MessageSource messages;
        private final String contentSecurityPolicy;

        PortalValveCustomizer(MessageSource messages, String contentSecurityPolicy) {
            this.messages = messages;
            this.contentSecurityPolicy = contentSecurityPolicy;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> install(context.getParent()));
        }

        private void install(Container parent) {
            if (!(parent instanceof Host host)) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof PortalErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new PortalErrorReportValve(messages, contentSecurityPolicy));
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(PortalErrorReportValve.class.getName());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Tomcat's last word on a request no servlet answered. */
    static final class PortalErrorReportValve extends ErrorReportValve {

        private final MessageSource messages;
        private final String contentSecurityPolicy;

        PortalErrorReportValve(MessageSource messages, String contentSecurityPolicy) {
            this.messages = messages;
            this.contentSecurityPolicy = contentSecurityPolicy;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // Tomcat's own guards: not an error, already answered, or not marked as an error to report
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            int code = tooLarge(status, request, throwable);
            if (code != status) {
                response.setStatus(code);
            }
            String message = message(code, locale(request));
            try {
                if (contentSecurityPolicy != null) {
                    response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, contentSecurityPolicy);
                }
                response.setHeader(SecurityHeaders.REFERRER_POLICY, SecurityHeaders.NO_REFERRER);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Cache-Control", "no-store");
                boolean json = ProblemAnswer.prefersJson(request);
                response.setContentType(json ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : "text/html;charset=UTF-8");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json ? ProblemAnswer.json(code, message, null) : page(code, message, request));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response cannot take a body: nothing more to say
            }
        }

        /** Request line and headers over Tomcat's buffer come as 400: 414 when not even the request line fitted. */
        private static int tooLarge(int status, Request request, Throwable throwable) {
            if (status != 400 || throwable == null || throwable.getMessage() == null
                    || !throwable.getMessage().toLowerCase(Locale.ROOT).contains("too large")) {
                return status;
            }
            String uri = request.getRequestURI();
            return uri == null || uri.isEmpty() ? 414 : 431;
        }

        private String message(int status, Locale locale) {
            String key = switch (status) {
                case 400 -> "error.malformedRequest";
                case 404 -> "error.notFound";
                case 405, 501 -> "error.rejected";
                case 413 -> "error.tooLarge";
                case 414 -> "error.urlTooLong";
                case 431 -> "error.headersTooLarge";
                default -> status < 500 ? "error.rejected" : "error.generic";
            };
            return messages == null ? "" : messages.getMessage(key, null, "", locale);
        }

        /** The portal's language choice ({@code accord-lang}, as the pages' resolver keeps it), else the browser's. */
        private static Locale locale(Request request) {
            try {
                if (request.getCookies() != null) {
                    for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                        if ("accord-lang".equals(cookie.getName()) && cookie.getValue() != null) {
                            return Locale.forLanguageTag(cookie.getValue());
                        }
                    }
                }
                return request.getLocale();
            } catch (RuntimeException unreadable) {
                return Locale.ENGLISH;
            }
        }

        /** The error page's content in a page of the portal's look (its stylesheet; no script, no navigation). */
        private String page(int status, String message, Request request) {
            Locale locale = locale(request);
            String title = text("error.title", locale);
            String home = text("error.home", locale);
            String statusLine = messages == null ? "Status " + status
                    : messages.getMessage("error.status", new Object[] {String.valueOf(status)}, locale);
            String base = request.getContextPath() == null ? "" : request.getContextPath();
            String language = "de".equals(locale.getLanguage()) ? "de" : "en";
            return "<!DOCTYPE html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    + "<title>" + escape(title) + " · " + escape(text("app.name", locale)) + "</title>\n"
                    + "<link rel=\"stylesheet\" href=\"" + escape(base) + "/css/portal.css\">\n</head>\n<body>\n"
                    + "<header class=\"site-header\"><div class=\"brand\"><a href=\"" + escape(base)
                    + "/\" class=\"brand-name\">" + escape(text("app.name", locale)) + "</a></div></header>\n"
                    + "<main id=\"main\" tabindex=\"-1\">\n<h1>" + escape(title) + "</h1>\n"
                    + "<div class=\"alert\" role=\"alert\">\n<p>" + escape(message) + "</p>\n"
                    + "<p class=\"muted small\">" + escape(statusLine) + "</p>\n</div>\n"
                    + "<p><a href=\"" + escape(base) + "/\">" + escape(home) + "</a></p>\n</main>\n</body>\n</html>\n";
        }

        private String text(String key, Locale locale) {
            return messages == null ? key : messages.getMessage(key, null, key, locale);
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}

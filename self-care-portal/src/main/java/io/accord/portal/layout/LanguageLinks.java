package io.accord.portal.layout;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The footer's language switch ({@code ${@languageLinks.href('de', formPage)}}): the page shown, with its path and
 * query, only {@code lang} replaced or added. The answer to a form's POST (the form again with its errors) links to
 * the page the form belongs to instead: the model's {@code formPage} when the controller names it (a form opened
 * with a query, {@code /disputes/new?statementId=…}), else the longest start of the POST's path that a page answers
 * with GET ({@code /profile/contacts} → {@code /profile}, {@code /statements/{id}/payments} →
 * {@code /statements/{id}}). Until 2026-12-07 the switch was {@code ?lang=de} relative to the address: it dropped the
 * page's query (filters, paging) and after a POST answer it led to the POST's address (405 or 400).
 */
@Component("languageLinks")
public class LanguageLinks {

    private final RequestMappingHandlerMapping mappings;
    /** The paths pages answer with GET, read at the first use (the controllers are all known by then). */
    private volatile List<PathPattern> pages;

    LanguageLinks(RequestMappingHandlerMapping requestMappingHandlerMapping) {
        this.mappings = requestMappingHandlerMapping;
    }

    private List<PathPattern> pages() {
        List<PathPattern> read = pages;
        if (read == null) {
            read = readPages();
            pages = read;
        }
        return read;
    }

    private List<PathPattern> readPages() {
        return mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                        || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .filter(info -> info.getPathPatternsCondition() != null)
                .flatMap(info -> info.getPathPatternsCondition().getPatterns().stream())
                .toList();
    }

    /** The link to the current page (or the form's page after a POST) in {@code language}. */
    public String href(String language, String formPage) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "?lang=" + language;
        }
        String context = request.getContextPath();
        String path;
        String query;
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed instanceof String original) {
            path = original.substring(Math.min(context.length(), original.length()));
            query = null;
        } else {
            path = request.getRequestURI().substring(context.length());
            query = request.getQueryString();
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            if (formPage != null && formPage.startsWith("/") && !formPage.startsWith("//")) {
                UriComponentsBuilder link = UriComponentsBuilder.fromUriString(formPage);
                return context + link.replaceQueryParam("lang", language).build().toUriString();
            }
            path = pageOf(path);
            query = null;
        }
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(context + path);
        if (query != null && !query.isBlank()) {
            link.query(query);
        }
        return link.replaceQueryParam("lang", language).build().toUriString();
    }

    /** The longest start of {@code path} that a page answers with GET; {@code /} when none does. */
    String pageOf(String path) {
        String candidate = path;
        while (!candidate.isEmpty() && !"/".equals(candidate)) {
            PathContainer container = PathContainer.parsePath(candidate);
            if (pages().stream().anyMatch(pattern -> pattern.matches(container))) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return "/";
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}

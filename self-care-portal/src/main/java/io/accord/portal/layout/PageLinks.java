package io.accord.portal.layout;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to other pages of the list a page shows: the current request's path and query (its filters) with only
 * {@code page} replaced, so every paged list keeps its filters without naming them (template {@code paging.html}).
 */
public record PageLinks(String path, String query) {

    /** The link to page {@code page} (0-based) of this list. */
    public String to(int page) {
        return to("page", page);
    }

    /** The link to page {@code page} (0-based) of the list paged by {@code parameter} (a page's second list). */
    public String to(String parameter, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (query != null && !query.isBlank()) {
            link.query(query);
        }
        return link.replaceQueryParam(parameter, page).build().toUriString();
    }
}

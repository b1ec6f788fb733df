package io.accord.portal.order;

import org.springframework.ui.Model;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.layout.PageBounds;

/** The paging attributes every list page of this feature shows. */
final class Paging {

    private Paging() {
    }

    /**
     * A list whose filter value is not one the API takes: 400, the filter's message naming the value, no items and
     * no call (the API would answer 400 too; the page said nothing and listed everything).
     */
    static void refused(Model model, jakarta.servlet.http.HttpServletResponse response, String messageKey,
                        String value) {
        response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
        model.addAttribute("filterErrorKey", messageKey);
        model.addAttribute("filterValue", value);
        model.addAttribute("total", 0L);
        model.addAttribute("page", 0);
        model.addAttribute("hasNext", false);
    }

    static void into(Model model, Gateway.Listing listing, int page, int offset, int pageSize) {
        model.addAttribute("total", listing.total());
        PageBounds.last(model, listing.total(), pageSize);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", offset + listing.items().size() < listing.total());
    }
}

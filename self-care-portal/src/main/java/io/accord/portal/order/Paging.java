package io.accord.portal.order;

import org.springframework.ui.Model;

import io.accord.portal.gateway.Gateway;

/** The paging attributes every list page of this feature shows. */
final class Paging {

    private Paging() {
    }

    static void into(Model model, Gateway.Listing listing, int page, int offset) {
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", offset + listing.items().size() < listing.total());
    }
}

package io.accord.portal.catalog;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import tools.jackson.databind.JsonNode;

/** A partner's catalog: its product offerings (TMF620 through the gateway; the catalog shows a partner its own). */
@Controller
class OfferingsController {

    private static final int PAGE_SIZE = 25;

    private final Gateway gateway;

    OfferingsController(Gateway gateway) {
        this.gateway = gateway;
    }

    record Row(String id, String name, String lifecycleStatus, String version, String lastUpdate, String validFrom) {
    }

    @GetMapping("/catalog")
    String offerings(@RequestParam(defaultValue = "0") int page, Model model) {
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = gateway.list(
                "/tmf-api/productCatalogManagement/v4/productOffering?offset={offset}&limit={limit}", offset,
                PAGE_SIZE);
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : listing.items()) {
            rows.add(new Row(item.path("id").asString(), item.path("name").asString(""),
                    item.path("lifecycleStatus").asString(""), item.path("version").asString(""),
                    item.path("lastUpdate").asString(""), item.path("validFor").path("startDateTime").asString("")));
        }
        model.addAttribute("offerings", rows);
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("hasNext", offset + rows.size() < listing.total());
        return "catalog";
    }
}

package io.accord.portal.suspense;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.accord.portal.gateway.Gateway;
import tools.jackson.databind.JsonNode;

/** Staff: the open suspense of rating, counted by reason, source and age (docs/rating-suspense.md). */
@Controller
class SuspenseController {

    private final Gateway gateway;

    SuspenseController(Gateway gateway) {
        this.gateway = gateway;
    }

    record Count(String key, long count) {
    }

    @GetMapping("/suspense")
    String summary(Model model) {
        JsonNode summary = gateway.get("/api/rating/suspense/summary?status=OPEN");
        model.addAttribute("total", summary.path("total").asLong(0));
        model.addAttribute("byReason", counts(summary.path("byReason")));
        model.addAttribute("bySource", counts(summary.path("bySource")));
        model.addAttribute("byAge", counts(summary.path("byAge")));
        return "suspense";
    }

    private static List<Count> counts(JsonNode groups) {
        List<Count> counts = new ArrayList<>();
        groups.forEach(group -> counts.add(new Count(group.path("key").asString(), group.path("count").asLong(0))));
        return counts;
    }
}

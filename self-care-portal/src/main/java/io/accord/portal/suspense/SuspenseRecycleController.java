package io.accord.portal.suspense;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import tools.jackson.databind.JsonNode;

/**
 * Ops: recycle the open suspense of one reason (and optionally one source) once its cause is fixed: rating rates
 * each record again against the current read models; what still cannot be rated stays in suspense with its reason
 * now (docs/rating-suspense.md).
 */
@Controller
class SuspenseRecycleController {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final Gateway gateway;

    SuspenseRecycleController(Gateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/suspense/recycle")
    String recycle(@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String source,
                   RedirectAttributes redirect) {
        if (!CODE.matcher(reason).matches() || (!source.isBlank() && !CODE.matcher(source.strip()).matches())) {
            redirect.addFlashAttribute("recycleErrorKey", "suspense.recycle.error");
            return "redirect:/suspense";
        }
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("reason", reason);
        if (!source.isBlank()) {
            filter.put("source", source.strip());
        }
        JsonNode answer = gateway.post("/api/rating/suspense/recycle", Map.of("filter", filter));
        redirect.addFlashAttribute("recycled", answer.path("recycled").asLong(0));
        redirect.addFlashAttribute("stillSuspended", answer.path("stillSuspended").size());
        return "redirect:/suspense";
    }
}

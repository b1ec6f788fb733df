package io.accord.portal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import tools.jackson.databind.JsonNode;

/**
 * A partner's catalog file (CSV or JSON, docs/catalog-import.md): uploaded as a TMF620 import job, then followed
 * until it is done, with a result per row; and a draft (or rejected) offering submitted for review.
 */
@Controller
class CatalogImportController {

    private static final String JOBS = "/tmf-api/productCatalogManagement/v4/importJob";
    private static final long MAX_FILE = 20L * 1024 * 1024;
    /** The characters read to find the CSV's header line (the template's is about 400). */
    private static final int HEADER_READ = 8192;
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final Resource TEMPLATE = new ClassPathResource("catalog/offerings-import-template.csv");

    private final Gateway gateway;

    CatalogImportController(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * The CSV template the import offers a partner: the header with every column the import takes
     * (docs/catalog-import.md) and example offerings that pass a dry run (a subscription with a one-time fee, a
     * tiered usage price, a per-minute price with rounding).
     */
    @GetMapping("/catalog/import-template.csv")
    ResponseEntity<Resource> template() {
        return ResponseEntity.ok()
                .contentType(new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(TEMPLATE.getFilename()).build().toString())
                .body(TEMPLATE);
    }

    @PostMapping("/catalog/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  @RequestParam(defaultValue = "rowByRow") String mode, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("importErrorKey", "catalog.import.error.file");
            return "redirect:/catalog";
        }
        if (file.getSize() > MAX_FILE) {
            redirect.addFlashAttribute("importErrorKey", "catalog.import.error.tooLarge");
            return "redirect:/catalog";
        }
        String name = file.getOriginalFilename() == null ? "catalog" : file.getOriginalFilename();
        MediaType type = name.toLowerCase(Locale.ROOT).endsWith(".json") ? MediaType.APPLICATION_JSON : CSV;
        if (CSV.equals(type) && semicolonSeparated(file)) {
            // catalog reads RFC 4180 (commas) only and would answer "Unknown CSV columns [externalId;name;...]"
            redirect.addFlashAttribute("importErrorKey", "catalog.import.error.semicolons");
            return "redirect:/catalog";
        }
        String jobMode = "allOrNothing".equals(mode) ? "allOrNothing" : "rowByRow";
        JsonNode job;
        try {
            job = gateway.postContent(JOBS + "?dryRun={dryRun}&mode={mode}&fileName={name}",
                    Gateway.Upload.of(file, type), dryRun, jobMode, name);
        } catch (GatewayException e) {
            if (e.status() != 400 && e.status() != 409 && e.status() != 413 && e.status() != 415
                    && e.status() != 422) {
                throw e;
            }
            // the whole file was refused (a bad header, not CSV or JSON, too large): nothing was stored
            redirect.addFlashAttribute("importErrorKey", "catalog.import.error.refused");
            redirect.addFlashAttribute("importErrorDetail", e.detail());
            return "redirect:/catalog";
        }
        return "redirect:/catalog/imports/" + job.path("id").asString();
    }

    /** The job and its rows; while it runs, htmx asks again for the {@code job} fragment every two seconds. */
    /**
     * Whether the CSV's header line is separated by semicolons (a German Excel's CSV): it has a {@code ;} and no
     * comma. Only the header is read; a header of one column has neither and goes to the catalog.
     */
    static boolean semicolonSeparated(MultipartFile file) {
        try (java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                file.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            char[] start = new char[HEADER_READ];
            int read = reader.read(start);
            if (read <= 0) {
                return false;
            }
            String text = new String(start, 0, read);
            int end = text.indexOf('\n');
            String header = end < 0 ? text : text.substring(0, end);
            return header.indexOf(';') >= 0 && header.indexOf(',') < 0;
        } catch (java.io.IOException unreadable) {
            // the catalog says what is wrong with a file it cannot read
            return false;
        }
    }

    @GetMapping("/catalog/imports/{id}")
    String job(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
               Model model) {
        JsonNode job = gateway.get(JOBS + "/{id}", id);
        model.addAttribute("job", Job.of(job));
        model.addAttribute("rows", rows(gateway.list(JOBS + "/{id}/rows?offset=0&limit=200", id)));
        return htmx != null ? "catalog-import :: job" : "catalog-import";
    }

    @PostMapping("/catalog/{id}/submission")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            JsonNode offering = gateway.post("/api/catalog/offerings/{id}/submission", null, id);
            redirect.addFlashAttribute("submitted", offering.path("name").asString(id.toString()));
            redirect.addFlashAttribute("submittedStatus", offering.path("lifecycleStatus").asString(""));
        } catch (GatewayException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            redirect.addFlashAttribute("importErrorKey", "catalog.submit.conflict");
            redirect.addFlashAttribute("importErrorDetail", e.detail());
        }
        return "redirect:/catalog";
    }

    private static List<Row> rows(Gateway.Listing listing) {
        List<Row> rows = new ArrayList<>();
        listing.items().forEach(item -> {
            List<Message> messages = new ArrayList<>();
            item.path("messages").forEach(message -> messages.add(new Message(message.path("field").asString(""),
                    message.path("line").asInt(), message.path("message").asString(""))));
            rows.add(new Row(item.path("row").asInt(), item.path("line").asInt(), item.path("externalId").asString(""),
                    item.path("outcome").asString(""), messages));
        });
        return rows;
    }

    /** A row's problem: the file's column, the file line, the catalog's message (the page frames it in words). */
    record Message(String field, int line, String message) {
    }

    record Row(int row, int line, String externalId, String outcome, List<Message> messages) {
        public boolean invalid() {
            return "INVALID".equals(outcome);
        }
    }

    /** catalog's {@code errorLog} for invalid rows ({@code ImportJob}): "2 of 2 rows are invalid …". */
    private static final java.util.regex.Pattern INVALID_ROWS =
            java.util.regex.Pattern.compile("(\\d+) of (\\d+) rows are invalid.*");

    record Job(String id, String status, String fileName, boolean dryRun, String mode, String phase, int rowsDone,
               Integer totalRows, String errorLog, Map<String, Long> outcomes) {

        public boolean running() {
            return "Not Started".equals(status) || "Running".equals(status);
        }

        /**
         * A finished job that took no row: every row invalid (or, all-or-nothing, skipped). catalog calls it
         * {@code Succeeded} in {@code rowByRow} mode; the page must not say "Succeeded" to it.
         */
        public boolean noneTaken() {
            long taken = outcomes.entrySet().stream()
                    .filter(o -> !"INVALID".equals(o.getKey()) && !"SKIPPED".equals(o.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            return "Succeeded".equals(status) && taken == 0 && outcomes.getOrDefault("INVALID", 0L) > 0;
        }

        /** The counts of catalog's "n of m rows are invalid" log ({@code [n, m]}), {@code null} for another log. */
        public long[] invalidOfTotal() {
            java.util.regex.Matcher matcher = INVALID_ROWS.matcher(errorLog);
            return matcher.matches() ? new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))}
                    : null;
        }

        static Job of(JsonNode job) {
            Map<String, Long> outcomes = new LinkedHashMap<>();
            job.path("outcomes").properties().forEach(entry -> outcomes.put(entry.getKey(), entry.getValue().asLong()));
            JsonNode progress = job.path("progress");
            return new Job(job.path("id").asString(), job.path("status").asString(""),
                    job.path("fileName").asString(""), job.path("dryRun").asBoolean(false),
                    job.path("mode").asString(""), progress.path("phase").asString(""),
                    progress.path("rowsDone").asInt(0),
                    progress.path("totalRows").isNumber() ? progress.path("totalRows").asInt() : null,
                    job.path("errorLog").asString(""), outcomes);
        }
    }
}

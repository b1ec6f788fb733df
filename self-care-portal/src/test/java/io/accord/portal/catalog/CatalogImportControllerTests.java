package io.accord.portal.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import io.accord.portal.PortalTestSupport;
import io.accord.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CatalogImportControllerTests extends PortalTestSupport {

    CatalogImportControllerTests(MockMvc mvc) {
        super(mvc);
    }

    private static final String JOBS = "/tmf-api/productCatalogManagement/v4/importJob";
    private static final String JOB = "1b000000-0000-4000-8000-000000000001";
    private static final String OFFERING = "0f000000-0000-4000-8000-000000000001";
    private static final String CSV = "externalId,name,category\nstreamo-basic,Streamo Basic,VIDEO\n";

    private static String job(String status) {
        return """
                {"id":"%s","status":"%s","fileName":"offerings.csv","dryRun":false,"mode":"rowByRow",
                 "progress":{"phase":"DONE","rowsDone":2,"totalRows":2},"errorLog":"1 row invalid",
                 "outcomes":{"CREATED":1,"INVALID":1}}""".formatted(JOB, status);
    }

    @Test
    void aPartnerAdminSeesTheImportFormAndSubmitButtonsForDrafts() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", """
                [{"id":"%s","name":"Streamo Basic","lifecycleStatus":"In study"},
                 {"id":"0f000000-0000-4000-8000-000000000002","name":"Old","lifecycleStatus":"Launched"}]"""
                .formatted(OFFERING));

        mvc.perform(get("/catalog").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<label for=\"catalog-file\">"),
                        containsString("enctype=\"multipart/form-data\""),
                        containsString("/catalog/" + OFFERING + "/submission"),
                        containsString("Submit Streamo Basic for review"), not(containsString("Submit Old")))));
        // a partner user reads the catalog; importing and submitting are the admin's
        mvc.perform(get("/catalog").with(TestUsers.partner("partner-user")))
                .andExpect(content().string(allOf(not(containsString("catalog-file")),
                        not(containsString("/submission")))));
    }

    @Test
    void theImportOffersATemplateOfTheDocumentedColumnsNotARepositoryPath() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");

        mvc.perform(get("/catalog").header("Accept-Language", "de").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/catalog/import-template.csv\""),
                        containsString("CSV-Vorlage herunterladen"), not(containsString("examples/catalog")))));

        String template = mvc.perform(get("/catalog/import-template.csv").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"offerings-import-template.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.List<String> lines = template.lines().toList();
        assertThat(java.util.List.of(lines.getFirst().split(",")))
                .as("the header names every column docs/catalog-import.md documents, and no other")
                .containsExactlyInAnyOrderElementsOf(documentedColumns());
        assertThat(lines).as("example offerings follow the header").hasSizeGreaterThan(2);
    }

    @Test
    void theHintNamesEveryColumnTheImportRequiresInBothLanguages() throws Exception {
        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");
        java.util.List<String> required = new java.util.ArrayList<>(java.util.List.of("category", "priceType",
                "currency", "taxCategory"));
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/catalog-import.md"))) {
            java.util.regex.Matcher column = java.util.regex.Pattern.compile("^\\| `(\\w+)` \\|.*\\*\\*required")
                    .matcher(line);
            if (column.find()) {
                required.add(column.group(1));
            }
        }
        assertThat(required).contains("externalId", "name", "priceExternalId", "priceName", "priceValidFrom");
        for (String language : new String[] {"de", "en"}) {
            String page = mvc.perform(get("/catalog").header("Accept-Language", language)
                            .with(TestUsers.partner("partner-admin")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String hint = page.substring(page.indexOf("id=\"import-required\""));
            hint = hint.substring(0, hint.indexOf("</p>"));
            assertThat(hint).as(language).contains(required);
            assertThat(page).as(language).doesNotContain("nur externalId und name sind Pflicht",
                    "only externalId and name are required");
        }
    }

    @Test
    void aGermanExcelCsvWithSemicolonsIsRefusedInTheUsersLanguageAndNotSent() throws Exception {
        mvc.perform(multipart("/catalog/imports").file(new MockMultipartFile("file", "angebote.csv", "text/csv",
                        "\uFEFFexternalId;name;category\nstreamo-basic;Streamo Basic;VIDEO\n".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "de").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute("importErrorKey", "catalog.import.error.semicolons"));
        assertThat(STUB.requestsTo("POST", JOBS)).isEmpty();

        STUB.answerJson("GET", "/tmf-api/productCatalogManagement/v4/productOffering", "[]");
        mvc.perform(get("/catalog").header("Accept-Language", "de").flashAttr("importErrorKey",
                        "catalog.import.error.semicolons").with(TestUsers.partner("partner-admin")))
                .andExpect(content().string(containsString("Die Datei ist durch Semikolons getrennt")));
    }

    /** The columns of docs/catalog-import.md's "Offering columns" and "Price columns" (a cell may name several). */
    private static java.util.List<String> documentedColumns() throws java.io.IOException {
        java.util.List<String> columns = new java.util.ArrayList<>();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("`([A-Za-z]+)`");
        boolean inColumns = false;
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/catalog-import.md"))) {
            if (line.startsWith("## ")) {
                inColumns = line.endsWith(" columns");
            } else if (inColumns && line.startsWith("| `")) {
                java.util.regex.Matcher matcher = name.matcher(line.split("\\|")[1]);
                while (matcher.find()) {
                    columns.add(matcher.group(1));
                }
            }
        }
        return columns;
    }

    @Test
    void theFileIsSentAsTheJobsBodyAndTheJobShownWithItsRows() throws Exception {
        STUB.answerJson("POST", JOBS, 201, job("Not Started"), Map.of());

        mvc.perform(multipart("/catalog/imports").file(new MockMultipartFile("file", "offerings.csv", "text/csv",
                        CSV.getBytes(StandardCharsets.UTF_8))).param("mode", "allOrNothing").param("dryRun", "true")
                        .with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/imports/" + JOB));

        var upload = STUB.requestsTo("POST", JOBS).getFirst();
        assertThat(upload.body()).isEqualTo(CSV);
        assertThat(upload.query()).isEqualTo("dryRun=true&mode=allOrNothing&fileName=offerings.csv");
        assertThat(upload.authorization()).isEqualTo("Bearer partner-token");
        assertThat(STUB.header("POST", JOBS, "Content-Type")).startsWith("text/csv");

        STUB.answerJson("GET", JOBS + "/" + JOB, job("Succeeded"));
        STUB.answerJson("GET", JOBS + "/" + JOB + "/rows", 200, """
                [{"row":1,"line":2,"externalId":"streamo-basic","outcome":"CREATED"},
                 {"row":2,"line":3,"externalId":"broken","outcome":"INVALID",
                  "messages":[{"field":"amount","line":3,"message":"must be a decimal"}]}]""",
                Map.of("X-Total-Count", "2"));
        mvc.perform(get("/catalog/imports/" + JOB).with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Succeeded"), containsString("streamo-basic"),
                        containsString("amount (file line 3): must be a decimal"), containsString("data-outcome=\"INVALID\""),
                        not(containsString("hx-trigger")))));
    }

    @Test
    void aGermanJobWhoseRowsWereAllInvalidReadsInGermanAndNotAsASuccess() throws Exception {
        STUB.answerJson("GET", JOBS + "/" + JOB, """
                {"id":"%s","status":"Succeeded","fileName":"offerings.csv","dryRun":false,"mode":"rowByRow",
                 "progress":{"phase":"DONE","rowsDone":2,"totalRows":2},
                 "errorLog":"2 of 2 rows are invalid and were not imported","outcomes":{"INVALID":2}}""".formatted(JOB));
        STUB.answerJson("GET", JOBS + "/" + JOB + "/rows", 200, """
                [{"row":1,"line":2,"externalId":"a","outcome":"INVALID",
                  "messages":[{"field":"priceValidFrom","line":2,"message":"priceValidFrom is mandatory"}]},
                 {"row":2,"line":3,"externalId":"b","outcome":"INVALID",
                  "messages":[{"field":"priceValidFrom","line":3,"message":"priceValidFrom is mandatory"}]}]""",
                Map.of("X-Total-Count", "2"));

        mvc.perform(get("/catalog/imports/" + JOB).header("Accept-Language", "de")
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Abgeschlossen – keine Zeile übernommen"),
                        not(containsString("Erfolgreich")), containsString("Abgeschlossen · 2 / 2"),
                        containsString("2 von 2 Zeilen sind ungültig und wurden nicht importiert."),
                        containsString("<span class=\"badge\">Ungültig</span>"),
                        containsString("priceValidFrom (Dateizeile 2): priceValidFrom is mandatory"),
                        not(containsString("DONE")), not(containsString(">INVALID<")), not(containsString("(line ")),
                        not(containsString("rows are invalid")))));
    }

    @Test
    void aRunningJobPollsItsFragment() throws Exception {
        STUB.answerJson("GET", JOBS + "/" + JOB, job("Running"));
        STUB.answerJson("GET", JOBS + "/" + JOB + "/rows", "[]");

        mvc.perform(get("/catalog/imports/" + JOB).header("HX-Request", "true").with(TestUsers.partner("partner-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-trigger=\"every 2s\""),
                        containsString("id=\"import-job\""), not(containsString("<html")))));
    }

    @Test
    void aJsonFileGoesAsJsonAndARefusedFileSaysWhy() throws Exception {
        STUB.answerJson("POST", JOBS, 400, "{\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"the header has an unknown column 'colour'\"}", Map.of());

        mvc.perform(multipart("/catalog/imports").file(new MockMultipartFile("file", "offerings.json",
                        "application/json", "[]".getBytes(StandardCharsets.UTF_8))).with(csrf())
                        .with(TestUsers.partner("partner-admin")))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute("importErrorKey", "catalog.import.error.refused"))
                .andExpect(flash().attribute("importErrorDetail", "the header has an unknown column 'colour'"));
        assertThat(STUB.header("POST", JOBS, "Content-Type")).startsWith("application/json");
    }

    @Test
    void noFileSendsNothing() throws Exception {
        mvc.perform(multipart("/catalog/imports").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(flash().attribute("importErrorKey", "catalog.import.error.file"));
        assertThat(STUB.requests()).isEmpty();
    }

    @Test
    void submittingSendsTheOfferingToReview() throws Exception {
        STUB.answerJson("POST", "/api/catalog/offerings/" + OFFERING + "/submission",
                "{\"id\":\"%s\",\"name\":\"Streamo Basic\",\"lifecycleStatus\":\"In test\"}".formatted(OFFERING));

        mvc.perform(post("/catalog/" + OFFERING + "/submission").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(redirectedUrl("/catalog"))
                .andExpect(flash().attribute("submitted", "Streamo Basic"))
                .andExpect(flash().attribute("submittedStatus", "In test"));
        assertThat(STUB.requestsTo("POST", "/api/catalog/offerings/" + OFFERING + "/submission")).hasSize(1);
    }

    @Test
    void anOfferingThatCannotBeSubmittedSaysWhy() throws Exception {
        STUB.answerJson("POST", "/api/catalog/offerings/" + OFFERING + "/submission", 409,
                "{\"status\":409,\"detail\":\"offering is IN_REVIEW\"}", Map.of());

        mvc.perform(post("/catalog/" + OFFERING + "/submission").with(csrf()).with(TestUsers.partner("partner-admin")))
                .andExpect(flash().attribute("importErrorKey", "catalog.submit.conflict"))
                .andExpect(flash().attribute("importErrorDetail", "offering is IN_REVIEW"));
    }
}

package io.accord.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.contracts.Roles;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.Representation;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.testsupport.TestInfrastructure;
import io.accord.testsupport.TestJwt;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A service made of the platform starter and one echo endpoint, on a random port against the real test
 * PostgreSQL and trusting {@link TestJwt} tokens: what every Accord service shares, seen from outside.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({StarterTestApplication.Echo.class, StarterTestApplication.Notes.class, StarterTestApplication.Times.class,
        StarterTestApplication.Guarded.class, StarterTestApplication.Widgets.class})
public class StarterTestApplication {

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                    "spring.application.name=platform-starter",
                    "spring.kafka.bootstrap-servers=127.0.0.1:1",
                    "accord.platform.public-paths=/api/public/**"})
    @ContextConfiguration(initializers = Infrastructure.class)
    public @interface Test {
    }

    @RestController
    static class Echo {

        @GetMapping({"/api/things/{id}", "/api/public/things/{id}"})
        Map<String, String> thing(@PathVariable String id) {
            return Map.of("id", id);
        }

        /** Reads the query itself, as the TMF lists' attribute filters do: the names it was given. */
        @GetMapping("/api/things")
        @ReadsQueryParameters
        Set<String> search(HttpServletRequest request) {
            return new TreeSet<>(request.getParameterMap().keySet());
        }

        /** Reads one named parameter itself, as the rollups read {@code groupBy}: its values. */
        @GetMapping("/api/things/grouped")
        @ReadsQueryParameters("group")
        List<String> grouped(HttpServletRequest request) {
            String[] groups = request.getParameterValues("group");
            return groups == null ? List.of() : List.of(groups);
        }
    }

    /** An operation for finance only, with a validated body and parameter. */
    @RestController
    static class Guarded {

        record Approval(@NotBlank @Pattern(regexp = "YES|NO", message = "must be YES or NO") String decision) {
        }

        @PostMapping("/api/guarded")
        @PreAuthorize("hasRole('" + Roles.FINANCE + "')")
        Map<String, String> approve(@RequestParam int count, @Valid @RequestBody Approval approval) {
            return Map.of("decision", approval.decision(), "count", String.valueOf(count));
        }
    }

    /** Stores a text and a JSON document, and counts the stored texts equal to a query parameter. */
    @RestController
    static class Notes {

        private final JdbcClient jdbc;

        Notes(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("create table if not exists starter_note (text text not null, details jsonb)").update();
        }

        record Note(String text, JsonNode details) {
        }

        @PostMapping("/api/notes")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, String> add(@RequestBody Note note) {
            jdbc.sql("insert into starter_note (text, details) values (:text, cast(:details as jsonb))")
                    .param("text", note.text())
                    .param("details", note.details() == null ? null : note.details().toString())
                    .update();
            return Map.of("text", note.text());
        }

        /** Takes the request to read its body, as the file uploads do: stores it as a note unless a dry run. */
        @PostMapping(path = "/api/notes/upload", consumes = "text/plain")
        Map<String, Boolean> upload(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
                throws java.io.IOException {
            String text = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!dryRun) {
                jdbc.sql("insert into starter_note (text) values (:text)").param("text", text).update();
            }
            return Map.of("stored", !dryRun);
        }

        @GetMapping("/api/notes")
        Map<String, Long> count(@RequestParam String text) {
            return Map.of("count", jdbc.sql("select count(*) from starter_note where text = :text")
                    .param("text", text).query(Long.class).single());
        }
    }

    /** Reads typed time parameters, and stores the times of a body in PostgreSQL. */
    @RestController
    static class Times {

        private final JdbcClient jdbc;

        Times(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("create table if not exists starter_time (label text not null, at timestamptz,"
                    + " until timestamptz, day date)").update();
        }

        record Span(String label, Instant at, OffsetDateTime until, LocalDate day) {
        }

        @GetMapping("/api/times")
        Map<String, String> read(@RequestParam(required = false) Instant at,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate day) {
            return Map.of("at", String.valueOf(at), "day", String.valueOf(day));
        }

        @PostMapping("/api/times")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Long> add(@RequestBody Span span) {
            jdbc.sql("insert into starter_time (label, at, until, day) values (:label, :at, :until, :day)")
                    .param("label", span.label())
                    .param("at", span.at() == null ? null : span.at().atOffset(ZoneOffset.UTC))
                    .param("until", span.until())
                    .param("day", span.day())
                    .update();
            return Map.of("stored", jdbc.sql("select count(*) from starter_time where label = :label")
                    .param("label", span.label()).query(Long.class).single());
        }
    }

    /**
     * A TMF resource kept in PostgreSQL with a version, as a service's aggregate is: attribute selection
     * ({@code fields=}) and conditional requests (ETag, If-Match, If-None-Match).
     */
    @RestController
    public static class Widgets {

        public static final String PATH = "/tmf-api/testing/v4/widget";
        /** The widgets again, changed only by an action on one ({@code PUT .../{id}/colour}). */
        public static final String PAINTED = "/tmf-api/testing/v4/paintedWidget";
        /** The repaint's own description of its If-Match header, instead of the starter's. */
        public static final String REPAINT_IF_MATCH = "Optional: the ETag the widget was last read with";

        public record Widget(String id, String href, String name, String colour, @JsonProperty("@type") String type) {
        }

        private final JdbcClient jdbc;

        Widgets(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("create table if not exists starter_widget (id text primary key, name text not null,"
                    + " colour text, version bigint not null)").update();
        }

        @PostMapping(PATH)
        @ResponseStatus(HttpStatus.CREATED)
        ResponseEntity<Widget> create(@RequestBody Widget widget) {
            String id = UUID.randomUUID().toString();
            jdbc.sql("insert into starter_widget (id, name, colour, version) values (:id, :name, :colour, 0)")
                    .param("id", id).param("name", widget.name()).param("colour", widget.colour()).update();
            return EntityTags.created(URI.create(PATH + "/" + id), read(id), 0);
        }

        @GetMapping(PATH + "/{id}")
        ResponseEntity<Widget> get(@PathVariable String id) {
            return EntityTags.ok(read(id), version(id));
        }

        /** The widget as a map, as an operation building its answer by hand does; fields= knows its attributes. */
        @GetMapping(PATH + "/{id}/asMap")
        @Representation(Widget.class)
        Map<String, Object> asMap(@PathVariable String id) {
            Widget widget = read(id);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", widget.id());
            out.put("href", widget.href());
            out.put("name", widget.name());
            out.put("colour", widget.colour());
            out.put("@type", widget.type());
            return out;
        }

        @GetMapping(PATH)
        List<Widget> list() {
            return jdbc.sql("select id from starter_widget order by id").query(String.class).list().stream()
                    .map(this::read).toList();
        }

        /** Renames the widget unless If-Match names another version than the current one. */
        @PatchMapping(path = PATH + "/{id}", consumes = MergePatch.MEDIA_TYPE)
        ResponseEntity<Widget> rename(@PathVariable String id, IfMatch ifMatch, @RequestBody Widget change) {
            ifMatch.check(version(id), "Widget " + id);
            jdbc.sql("update starter_widget set name = :name, version = version + 1 where id = :id")
                    .param("name", change.name()).param("id", id).update();
            return EntityTags.ok(read(id), version(id));
        }

        /** The same widget at a path whose only conditional change is an action on it, as a partner's contacts. */
        @GetMapping(PAINTED + "/{id}")
        ResponseEntity<Widget> painted(@PathVariable String id) {
            return EntityTags.ok(read(id), version(id));
        }

        /** Repaints the widget unless If-Match names another version than the current one. */
        @PutMapping(PAINTED + "/{id}/colour")
        ResponseEntity<Widget> repaint(@PathVariable String id,
                                       @Parameter(description = REPAINT_IF_MATCH) IfMatch ifMatch,
                                       @RequestBody Widget change) {
            ifMatch.check(version(id), "Widget " + id);
            jdbc.sql("update starter_widget set colour = :colour, version = version + 1 where id = :id")
                    .param("colour", change.colour()).param("id", id).update();
            return EntityTags.ok(read(id), version(id));
        }

        private Widget read(String id) {
            return jdbc.sql("select name, colour from starter_widget where id = :id").param("id", id)
                    .query((row, n) -> new Widget(id, PATH + "/" + id, row.getString("name"), row.getString("colour"),
                            "Widget")).optional().orElseThrow(() -> new NotFoundException("Widget", id));
        }

        private long version(String id) {
            return jdbc.sql("select version from starter_widget where id = :id").param("id", id).query(Long.class)
                    .optional().orElseThrow(() -> new NotFoundException("Widget", id));
        }
    }

    /** The test PostgreSQL and {@link TestJwt}'s public key; another initializer after it may override either. */
    public static class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestInfrastructure.database("test_platform_starter"),
                    "spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "accord.platform.jwt.issuer-uri=" + TestJwt.ISSUER,
                    "accord.platform.jwt.public-key-location=file:" + TestJwt.publicKeyFile()
            ).applyTo(context);
        }
    }
}

package io.accord.platform.audit;

import io.accord.contracts.Roles;
import io.accord.platform.csv.CsvCells;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of this service as a CSV file for auditors: {@code GET <apiBasePath>/audit/export}, every entry
 * matching the filters (the query's, without paging), newest first. from and to are required and may be at most
 * {@value #MAX_DAYS} days apart, so an export is bounded; within them it is complete. Streamed from one read-only,
 * repeatable-read transaction (a consistent snapshot) through a cursor, so memory does not grow with the trail.
 * Texts are written guarded against CSV injection ({@link CsvCells}); before and after are their JSON text.
 */
@RestController
@Tag(name = "Audit trail")
class AuditExportController {

    /** The longest span of one export (a quarter): from and to may be at most this many days apart. */
    static final int MAX_DAYS = 92;

    /** The file's columns, in order; the gateway's cross-service export has the same ones. */
    static final List<String> COLUMNS = List.of("service", "id", "occurredAt", "actor", "actorId", "partnerId",
            "resourceType", "resourceId", "action", "before", "after", "correlationId");

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final int FETCH_SIZE = 500;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final String service;

    AuditExportController(DataSource dataSource, PlatformTransactionManager transactionManager, String service) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.service = service;
    }

    @GetMapping(path = "${accord.platform.api-base-path:/api}/audit/export", produces = "text/csv")
    @PreAuthorize("hasAnyRole('" + Roles.AUDITOR + "', '" + Roles.PLATFORM_ADMIN + "')")
    @Operation(operationId = "exportAuditTrail",
            summary = "Every entry of this service's audit trail matching the filters, as a CSV file",
            description = "The filters of the audit trail query, without paging: every matching entry, newest"
                    + " first (ties by id). from and to are required and at most " + MAX_DAYS + " days apart."
                    + " Columns: service, id, occurredAt, actor, actorId, partnerId, resourceType, resourceId,"
                    + " action, before, after (JSON text), correlationId. A text a spreadsheet would take for a"
                    + " formula is written after a '. The file is named audit-<from>-<to>.csv.")
    @ApiResponse(responseCode = "200", description = "The CSV file (streamed)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) UUID partnerId,
                                                 @RequestParam(required = false) String resourceType,
                                                 @RequestParam(required = false) String resourceId,
                                                 @RequestParam(required = false) String actor,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String correlationId,
                                                 @Parameter(required = true, description = "occurredAt at or after:"
                                                         + " an ISO-8601 instant or date (midnight UTC)",
                                                         schema = @Schema(type = "string", format = "date-time"))
                                                 @RequestParam(required = false) String from,
                                                 @Parameter(required = true, description = "occurredAt before"
                                                         + " (exclusive), at most " + MAX_DAYS + " days after from",
                                                         schema = @Schema(type = "string", format = "date-time"))
                                                 @RequestParam(required = false) String to) {
        Instant start = SupportedTimes.instantOrDate("from", from);
        Instant end = SupportedTimes.instantOrDate("to", to);
        if (start == null) {
            throw new InvalidInputException("from", "from is required: an export covers at most " + MAX_DAYS
                    + " days (from inclusive, to exclusive)");
        }
        if (end == null) {
            throw new InvalidInputException("to", "to is required: an export covers at most " + MAX_DAYS
                    + " days (from inclusive, to exclusive)");
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "to must be after from (to is exclusive)");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new InvalidInputException("to", "to may be at most " + MAX_DAYS + " days after from; export a"
                    + " longer time in several files");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("partner", partnerId).addValue("type", blankToNull(resourceType))
                .addValue("resource", blankToNull(resourceId)).addValue("actor", blankToNull(actor))
                .addValue("action", blankToNull(action)).addValue("correlation", blankToNull(correlationId))
                .addValue("from", start.atOffset(ZoneOffset.UTC)).addValue("to", end.atOffset(ZoneOffset.UTC));
        StreamingResponseBody body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(String.join(",", COLUMNS) + "\r\n");
            snapshot.executeWithoutResult(status -> jdbc.query("""
                    select id, occurred_at, actor, actor_id, partner_id, resource_type, resource_id, action,
                           before_state::text as before_state, after_state::text as after_state, correlation_id
                    from audit_event""" + "\n" + AuditQueryController.FILTER + " order by occurred_at desc, id desc",
                    parameters, rs -> {
                        try {
                            writer.write(CsvCells.text(service) + "," + rs.getLong("id") + ","
                                    + rs.getTimestamp("occurred_at").toInstant() + ","
                                    + String.join(",", CsvCells.text(rs.getString("actor")),
                                    CsvCells.text(rs.getString("actor_id")),
                                    CsvCells.text(rs.getString("partner_id")),
                                    CsvCells.text(rs.getString("resource_type")),
                                    CsvCells.text(rs.getString("resource_id")),
                                    CsvCells.text(rs.getString("action")),
                                    CsvCells.text(rs.getString("before_state")),
                                    CsvCells.text(rs.getString("after_state")),
                                    CsvCells.text(rs.getString("correlation_id"))) + "\r\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(start, end)).build().toString())
                .body(body);
    }

    /** {@code audit-<from>-<to>.csv}: a time at midnight UTC as its date, any other as {@code 2026-11-01T093000Z}. */
    static String fileName(Instant from, Instant to) {
        return "audit-" + fileTime(from) + "-" + fileTime(to) + ".csv";
    }

    private static String fileTime(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? time.atOffset(ZoneOffset.UTC).toLocalDate().toString() : FILE_TIME.format(time);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

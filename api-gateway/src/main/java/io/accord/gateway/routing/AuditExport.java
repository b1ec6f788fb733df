package io.accord.gateway.routing;

import reactor.core.publisher.Flux;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The audit trail of all services as one CSV file ({@code GET /api/audit/export}): each service streams its own
 * export ({@code GET <api-base-path>/audit/export}, newest first), already written as CSV by the service, guarded
 * against CSV injection (the starter's {@code CsvCells}); this merges the streams record by record, newest first as
 * the query orders them, replacing each record's first cell by the gateway's name of the service. Only the first
 * three cells (service, id, occurredAt: never quoted by the services) are read; the rest is passed through as the
 * service wrote it. Memory does not grow with the trail.
 */
final class AuditExport {

    static final List<String> COLUMNS = List.of("service", "id", "occurredAt", "actor", "actorId", "partnerId",
            "resourceType", "resourceId", "action", "before", "after", "correlationId");

    static final String HEADER = String.join(",", COLUMNS);

    static final Comparator<Row> NEWEST_FIRST = Comparator.comparing(Row::occurredAt).reversed()
            .thenComparing(Row::service)
            .thenComparing(Comparator.comparingLong(Row::id).reversed());

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditExport() {
    }

    /** One record of a service's export, ready to write: {@code line} ends with CRLF. */
    record Row(String service, long id, Instant occurredAt, String line) {
    }

    /**
     * The records of a service's export from its lines (each with its line break, as the decoder split the body at
     * every {@code \n}): a line break inside a quoted cell (an odd number of quotes so far) continues the record.
     * The first record must be the header; an answer that is no export fails the stream.
     */
    static Flux<Row> rows(String service, Flux<String> lines) {
        return Flux.defer(() -> {
            int[] quotes = {0};
            boolean[] header = {true};
            return lines.bufferUntil(line -> {
                        quotes[0] += (int) line.chars().filter(c -> c == '"').count();
                        boolean complete = quotes[0] % 2 == 0;
                        if (complete) {
                            quotes[0] = 0;
                        }
                        return complete;
                    })
                    .map(parts -> String.join("", parts))
                    .filter(record -> !record.isBlank())
                    .handle((record, sink) -> {
                        String text = withoutLineBreak(record);
                        if (header[0]) {
                            header[0] = false;
                            if (!HEADER.equals(text)) {
                                sink.error(new IllegalArgumentException(service + " answered no audit export: its"
                                        + " header is not " + HEADER));
                            }
                            return;
                        }
                        sink.next(row(service, text));
                    });
        });
    }

    /** The header, then the services' rows merged newest first; each source must be newest first already. */
    static Flux<String> merge(List<Flux<Row>> services) {
        @SuppressWarnings("unchecked")
        Flux<Row>[] sources = services.toArray(Flux[]::new);
        return Flux.concat(Flux.just(HEADER + "\r\n"), Flux.mergeComparing(NEWEST_FIRST, sources).map(Row::line));
    }

    /** {@code audit-<from>-<to>.csv}: a time at midnight UTC as its date, any other as {@code 2026-11-01T093000Z}. */
    static String fileName(Instant from, Instant to) {
        return "audit-" + fileTime(from) + "-" + fileTime(to) + ".csv";
    }

    private static String fileTime(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? time.atOffset(ZoneOffset.UTC).toLocalDate().toString() : FILE_TIME.format(time);
    }

    private static Row row(String service, String record) {
        int serviceEnd = cellEnd(record, 0);
        int idEnd = cellEnd(record, serviceEnd + 1);
        int occurredAtEnd = cellEnd(record, idEnd + 1);
        if (occurredAtEnd >= record.length()) {
            throw new IllegalArgumentException(service + " answered an audit export record of fewer columns than "
                    + HEADER);
        }
        try {
            long id = Long.parseLong(record.substring(serviceEnd + 1, idEnd));
            Instant occurredAt = Instant.parse(record.substring(idEnd + 1, occurredAtEnd));
            return new Row(service, id, occurredAt, service + record.substring(serviceEnd) + "\r\n");
        }
        catch (NumberFormatException | DateTimeException notARecord) {
            throw new IllegalArgumentException(service + " answered an audit export record without an integer id"
                    + " and an ISO-8601 occurredAt", notARecord);
        }
    }

    /** Where the cell starting at {@code start} ends: the index of its comma, or the record's length. */
    private static int cellEnd(String record, int start) {
        if (start >= record.length()) {
            return record.length();
        }
        if (record.charAt(start) != '"') {
            int comma = record.indexOf(',', start);
            return comma < 0 ? record.length() : comma;
        }
        int i = start + 1;
        while (i < record.length()) {
            if (record.charAt(i) == '"') {
                if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return record.length();
    }

    private static String withoutLineBreak(String record) {
        if (record.endsWith("\r\n")) {
            return record.substring(0, record.length() - 2);
        }
        return record.endsWith("\n") ? record.substring(0, record.length() - 1) : record;
    }
}

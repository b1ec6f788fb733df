package io.accord.rating.export;

import io.accord.contracts.Roles;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.time.SupportedTimes;
import io.accord.rating.visibility.PartnerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The streamed export of a partner's rated records (docs/rating-usage-api.md, "Export of rated records"). */
@RestController
@Tag(name = "Rated usage export")
class RatedExportController {

    static final String RATED = "/api/rating/rated";
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final Duration MAX_RANGE = Duration.ofDays(366);
    private static final DateTimeFormatter FILE_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String ANYONE = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";

    private final RatedExport export;
    private final Tenancy tenancy;

    RatedExportController(RatedExport export, Tenancy tenancy) {
        this.export = export;
        this.tenancy = tenancy;
    }

    @GetMapping(RATED)
    @PreAuthorize(ANYONE)
    @Operation(operationId = "exportRatedUsage", summary = "Streams a partner's rated records (reversals and"
            + " re-ratings included) with usage time in [from, to), in sequence order, as NDJSON (default) or CSV"
            + " (Accept: text/csv), optionally only those up to a sequence number (toSequence); a partner token"
            + " exports its own partner only, each record's charge only when it submitted the record, owes the charge or"
            + " owns the sell-through offering (empty otherwise)")
    @ApiResponse(responseCode = "200", description = "the records, one per line (CSV: after a header line)",
            content = {@Content(mediaType = "application/x-ndjson"), @Content(mediaType = "text/csv")})
    ResponseEntity<StreamingResponseBody> export(
            @Parameter(description = "the partner (UUID); required for staff, a partner's own by default; staff give"
                    + " 'none' for the records with no partner among their parties (the CSP's own usage)")
            @RequestParam(required = false) String partnerId,
            @Parameter(description = "usage time from (inclusive), ISO-8601 instant", required = true)
            @RequestParam(required = false) String from,
            @Parameter(description = "usage time to (exclusive), ISO-8601 instant; at most 366 days after from",
                    required = true)
            @RequestParam(required = false) String to,
            @Parameter(description = "only records with a sequence number (their position in the rated table,"
                    + " UsageRated.sequence) at or below this one (an integer from 0; 0 exports nothing); settlement passes the highest"
                    + " it placed in a statement's period")
            @RequestParam(required = false) String toSequence,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RatedExport.Format format = format(accept);
        String partner = partner(partnerId);
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "to must be after from (to is exclusive)");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("to", "at most " + MAX_RANGE.toDays() + " days at a time");
        }
        long upTo = sequence(toSequence);
        PartnerView view = PartnerView.of(tenancy);
        StreamingResponseBody body = out -> export.write(partner, view, start, end, upTo, format, out);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(format == RatedExport.Format.CSV ? new MediaType(CSV, StandardCharsets.UTF_8) : NDJSON);
        String fileName = fileName(partner, start, end, toSequence == null ? null : upTo, format);
        answer.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                .toString());
        return answer.body(body);
    }

    /**
     * {@code rated-<partner>-<from>-<to>.csv} (or {@code .ndjson}) with compact UTC instants, e.g.
     * {@code rated-1111…-20261101T000000Z-20261201T000000Z.csv}, so exports of different windows do not overwrite each
     * other; a fraction of a second, when given, is kept ({@code 20261101T000000.5Z}). A {@code toSequence} adds
     * {@code -upto<n>} before the extension: exports of one window up to different records differ too.
     */
    private static String fileName(String partner, Instant from, Instant to, Long toSequence,
                                   RatedExport.Format format) {
        return "rated-" + partner + "-" + compact(from) + "-" + compact(to)
                + (toSequence == null ? "" : "-upto" + toSequence)
                + (format == RatedExport.Format.CSV ? ".csv" : ".ndjson");
    }

    private static String compact(Instant instant) {
        String seconds = FILE_NAME_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
        int nanos = instant.getNano();
        if (nanos == 0) {
            return seconds + "Z";
        }
        String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
        return seconds + "." + fraction + "Z";
    }

    /**
     * Staff name the partner, or {@link RatedExport#NO_PARTNER} for the records no partner is party to; a partner
     * token exports its own (another partner's answers 404, as elsewhere; {@code none} is no UUID, a 400).
     */
    private String partner(String partnerId) {
        if (tenancy.isStaff()) {
            if (partnerId == null || partnerId.isBlank()) {
                throw new InvalidInputException("partnerId", "partnerId is required (a partner's UUID, or "
                        + RatedExport.NO_PARTNER + " for the records with no partner: the CSP's own usage)");
            }
            if (RatedExport.NO_PARTNER.equals(partnerId.strip())) {
                return RatedExport.NO_PARTNER;
            }
            return uuid(partnerId);
        }
        PartnerId own = tenancy.partnerId().orElseThrow(() -> new AccessDeniedException("the token names no partner"));
        if (partnerId == null || partnerId.isBlank()) {
            return own.toString();
        }
        String asked = uuid(partnerId);
        if (!asked.equals(own.toString())) {
            throw new NotFoundException("Partner", partnerId);
        }
        return asked;
    }

    private static String uuid(String partnerId) {
        try {
            return UUID.fromString(partnerId.strip()).toString();
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException("partnerId", "partnerId is not a UUID");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required (ISO-8601 instant, e.g. 2026-12-01T00:00:00Z)");
        }
        return SupportedTimes.instantOrDate(field, value);
    }

    /** The highest sequence number to export: {@code Long.MAX_VALUE} when not given. */
    private static long sequence(String value) {
        if (value == null) {
            return Long.MAX_VALUE;
        }
        try {
            long sequence = Long.parseLong(value.strip());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw new InvalidInputException("toSequence", "toSequence must be a rated sequence number (an integer"
                + " from 0), not '" + value + "'");
    }

    /** NDJSON unless the caller prefers CSV (text/csv, or text/*, ranked above anything NDJSON also fits). */
    private static RatedExport.Format format(String accept) {
        if (accept == null || accept.isBlank()) {
            return RatedExport.Format.NDJSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException malformed) {
            return RatedExport.Format.NDJSON;
        }
        MediaType best = null;
        for (MediaType type : types) {
            if ((type.isCompatibleWith(NDJSON) || type.isCompatibleWith(CSV))
                    && (best == null || type.getQualityValue() > best.getQualityValue())) {
                best = type;
            }
        }
        return best != null && !best.isWildcardType() && best.isCompatibleWith(CSV) ? RatedExport.Format.CSV
                : RatedExport.Format.NDJSON;
    }
}

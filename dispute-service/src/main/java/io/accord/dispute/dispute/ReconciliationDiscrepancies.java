package io.accord.dispute.dispute;

import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.dispute.document.DisputableDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which discrepancies of a statement open disputes already claim, whatever partner invoice found them. A discrepancy
 * is known by its statement and its matching key: offering, usage type, period ({@code CURRENT} or {@code PRIOR}),
 * side ({@code REVENUE_SHARE} or {@code WHOLESALE}), reference, and our statement line when there is exactly one. A
 * dispute opened from it carries that identity as an item with role {@value #ROLE}, so a later reconciliation of the
 * same statement, of the same invoice or of another one (the partner's second number for the same invoice, a
 * corrected invoice), finds it. The identity once held the partner invoice's id, so the same invoice sent twice under
 * two numbers opened (and credited) the same difference twice; items recorded then are read without it.
 */
@Component
class ReconciliationDiscrepancies {

    static final String ROLE = "ReconciliationDiscrepancy";
    static final String CURRENT = "CURRENT";
    static final String PRIOR = "PRIOR";
    static final String REVENUE_SHARE = "REVENUE_SHARE";
    static final String WHOLESALE = "WHOLESALE";

    /** The statement line types of the partner's supply to us and of ours to it (settlement's document types). */
    private static final Set<String> REVENUE_SHARE_LINES = Set.of("USAGE_REVENUE_SHARE", "RECURRING_SHARE",
            "ONE_TIME_SHARE", "VOLUME_TIER_BONUS", "MINIMUM_GUARANTEE_TOP_UP");
    private static final Set<String> WHOLESALE_LINES = Set.of("WHOLESALE", "RECURRING_WHOLESALE",
            "ONE_TIME_WHOLESALE", "MINIMUM_COMMITMENT");

    private final JdbcClient jdbc;

    ReconciliationDiscrepancies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The discrepancies of {@code statement} that the partner's open disputes hold, found from any invoice. */
    List<Claim> open(UUID partner, String statement) {
        String prefix = Key.part(statement, Key.ID) + "/";
        return jdbc.sql("""
                        select item.dispute_id, item.ref_id, item.amount
                        from dispute_item item
                        where item.partner_id = :partner and item.role = :role and item.open
                          and left(item.ref_id, :length) = :prefix
                        order by item.dispute_id, item.position""")
                .param("partner", partner).param("role", ROLE).param("length", prefix.length())
                .param("prefix", prefix)
                .query((rs, row) -> new Claim(rs.getObject("dispute_id", UUID.class),
                        Key.parse(rs.getString("ref_id")), rs.getBigDecimal("amount")))
                .list();
    }

    /**
     * The partner's open dispute holding a discrepancy about {@code line} of {@code statement}: one keyed by offering
     * and/or usage type (not by a reference) that the line's offering, usage type, period and side fall under. Empty
     * when the line's offering and type are not known (statements recorded before they were kept).
     */
    Optional<Claim> covering(UUID partner, String statement, DisputableDocuments.Line line) {
        if (line.type() == null) {
            return Optional.empty();
        }
        Key probe = Key.ofLine(statement, line);
        return open(partner, statement).stream()
                .filter(claim -> claim.key().byOfferingOrUsageType() && Key.ANY.equals(claim.key().reference()))
                .filter(claim -> claim.key().overlaps(probe))
                .findFirst();
    }

    /** An open dispute's claim on a discrepancy, with the amount it disputed for it. */
    record Claim(UUID disputeId, Key key, BigDecimal amount) {
    }

    /** A discrepancy a dispute holds, with the amount (the difference's magnitude) it disputed for it. */
    record Held(Key key, BigDecimal amount) {
    }

    /** The discrepancies among a dispute's items. */
    static List<Held> held(List<Dispute.Item> items) {
        return items.stream().filter(item -> ROLE.equals(item.role()))
                .map(item -> new Held(Key.parse(item.refId()), item.amount() == null ? BigDecimal.ZERO
                        : item.amount().abs()))
                .toList();
    }

    /**
     * The statement lines a discrepancy is about: those settlement names; none when missing on the statement; else
     * the statement's lines (their offering and type known) of its offering, usage type, period and side, where it
     * names an offering or a usage type (a discrepancy by reference only names its line or none).
     */
    static List<DisputableDocuments.Line> covered(ReconciliationDiscrepancyFound.Discrepancy line,
                                                  DiscrepancyDetails.Line detail,
                                                  List<DisputableDocuments.Line> statementLines) {
        List<String> named = !detail.statementLines().isEmpty() ? detail.statementLines()
                : line.statementLineId() != null ? List.of(line.statementLineId()) : List.of();
        if (!named.isEmpty()) {
            return named.stream().map(id -> statementLines.stream().filter(ours -> ours.lineId().equals(id))
                    .findFirst().orElseGet(() -> new DisputableDocuments.Line(id, id.equals(line.statementLineId())
                            && line.statementAmount() != null ? new BigDecimal(line.statementAmount()) : null,
                            null, null, null))).toList();
        }
        if (line.statementAmount() == null || line.offeringId() == null && line.usageType() == null) {
            return List.of();
        }
        return statementLines.stream().filter(ours -> ours.type() != null)
                .filter(ours -> line.offeringId() == null || line.offeringId().equals(ours.offeringId()))
                .filter(ours -> line.usageType() == null || line.usageType().equals(ours.usageType()))
                .filter(ours -> detail.period() == null || detail.period().equalsIgnoreCase(
                        periodOf(ours.type())))
                .filter(ours -> detail.side() == null || detail.side().equalsIgnoreCase(
                        sideOf(ours.type(), ours.amount())))
                .toList();
    }

    /** The period a statement line is of: a prior-period adjustment's is {@value #PRIOR}. */
    static String periodOf(String lineType) {
        return "PRIOR_PERIOD_ADJUSTMENT".equals(lineType) ? PRIOR : CURRENT;
    }

    /**
     * The supply a statement line documents: by its type; a line of another type (a prior-period adjustment, a
     * correction) by its sign, as settlement reads an invoice line stating no side (positive: revenue share).
     */
    static String sideOf(String lineType, BigDecimal amount) {
        if (REVENUE_SHARE_LINES.contains(lineType)) {
            return REVENUE_SHARE;
        }
        if (WHOLESALE_LINES.contains(lineType)) {
            return WHOLESALE;
        }
        return amount != null && amount.signum() < 0 ? WHOLESALE : REVENUE_SHARE;
    }

    /**
     * A discrepancy's identity: {@code statement/offering/usageType/period/side/reference/line}, each part
     * URL-encoded, {@code *} where the event has none (the reconciliation's keys did not use it, an older settlement
     * did not send it, or no single statement line), and a part longer than its share of the item id's 200 characters
     * (36 for an id, 20 for the usage type, period and side, 30 for the reference and the line, whose statement id
     * prefix is left out) as {@code ~} and 24 hex digits of its SHA-256: the parts are only compared for equality.
     * An identity recorded before the period and side were part of it was {@code
     * statement/partnerInvoice/offering/usageType/reference/line}; it is read with the invoice left out and period
     * and side as {@code *}.
     */
    record Key(String statement, String offering, String usageType, String period, String side, String reference,
               String line) {

        static final String ANY = "*";
        /** The longest part kept as it is: an id (a UUID), a usage type, period or side, a reference or line. */
        private static final int ID = 36;
        private static final int SHORT = 20;
        private static final int FREE = 30;

        /**
         * The identity of one discrepancy line: its period and side as settlement sent them, else, when it names
         * exactly one statement line whose type is known, that line's.
         */
        static Key of(ReconciliationDiscrepancyFound found, ReconciliationDiscrepancyFound.Discrepancy line,
                      DiscrepancyDetails.Line details, Optional<DisputableDocuments.Line> single) {
            String statementLine = suffix(found.statementId(), line.statementLineId());
            Optional<DisputableDocuments.Line> known = single.filter(ours -> ours.type() != null);
            String period = details.period() != null ? details.period()
                    : known.map(ours -> periodOf(ours.type())).orElse(null);
            String side = details.side() != null ? details.side()
                    : known.map(ours -> sideOf(ours.type(), ours.amount())).orElse(null);
            return new Key(part(found.statementId(), ID), part(line.offeringId(), ID), part(line.usageType(), SHORT),
                    part(upper(period), SHORT), part(upper(side), SHORT), part(line.reference(), FREE),
                    part(statementLine, FREE));
        }

        /** What a statement line is about, as a discrepancy would name it (without a reference). */
        static Key ofLine(String statement, DisputableDocuments.Line line) {
            return new Key(part(statement, ID), part(line.offeringId(), ID), part(line.usageType(), SHORT),
                    part(periodOf(line.type()), SHORT), part(sideOf(line.type(), line.amount()), SHORT), ANY,
                    part(suffix(statement, line.lineId()), FREE));
        }

        static Key parse(String ref) {
            String[] parts = ref.split("/", -1);
            if (parts.length == 6) {
                return new Key(parts[0], parts[2], parts[3], ANY, ANY, parts[4], parts[5]);
            }
            if (parts.length == 7) {
                return new Key(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
            }
            // not an identity this service wrote: it names no statement, so it overlaps nothing
            return new Key(ref, ref, ref, ref, ref, ref, ref);
        }

        String ref() {
            return String.join("/", statement, offering, usageType, period, side, reference, line);
        }

        /**
         * Whether both name the same money: the same statement, and no part of the key on which they differ where
         * both have one. A reconciliation matching by offering only (one discrepancy over all of an offering's lines)
         * thus overlaps one matching by offering and usage type (the missing usage line inside it); the CURRENT and
         * PRIOR lines of one offering and usage type, or its revenue share and its wholesale, do not overlap.
         */
        boolean overlaps(Key other) {
            return statement.equals(other.statement) && same(offering, other.offering)
                    && same(usageType, other.usageType) && same(period, other.period) && same(side, other.side)
                    && same(reference, other.reference) && same(line, other.line);
        }

        boolean byOfferingOrUsageType() {
            return !ANY.equals(offering) || !ANY.equals(usageType);
        }

        private static boolean same(String mine, String theirs) {
            return ANY.equals(mine) || ANY.equals(theirs) || mine.equals(theirs);
        }

        /** A statement line id without its statement id prefix ({@code -6}), as the identity keeps it. */
        private static String suffix(String statement, String statementLine) {
            return statementLine != null && statementLine.startsWith(statement + "-")
                    ? statementLine.substring(statement.length()) : statementLine;
        }

        private static String upper(String value) {
            return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
        }

        static String part(String value, int longest) {
            if (value == null || value.isEmpty()) {
                return ANY;
            }
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A");
            return encoded.length() <= longest ? encoded : "~" + sha256(value).substring(0, 24);
        }

        private static String sha256(String value) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
            }
        }
    }
}

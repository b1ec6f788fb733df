package io.accord.dispute.dispute;

import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Which reconciliation discrepancies open disputes already claim. A discrepancy is known by its statement, the partner
 * invoice and its matching key as the event carries it (offering, usage type, reference, and our statement line when
 * there is exactly one): a dispute opened from it carries that identity as an item with role
 * {@value #ROLE}, so a later reconciliation of the same invoice against the same statement finds it.
 */
@Component
class ReconciliationDiscrepancies {

    static final String ROLE = "ReconciliationDiscrepancy";

    private final JdbcClient jdbc;

    ReconciliationDiscrepancies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The discrepancies of {@code invoice} against {@code statement} that open disputes hold. */
    List<Claim> open(String statement, String invoice) {
        String prefix = Key.prefix(statement, invoice);
        return jdbc.sql("""
                        select item.dispute_id, item.ref_id, item.amount
                        from dispute_item item
                        where item.role = :role and item.open and left(item.ref_id, :length) = :prefix
                        order by item.dispute_id, item.position""")
                .param("role", ROLE).param("length", prefix.length()).param("prefix", prefix)
                .query((rs, row) -> new Claim(rs.getObject("dispute_id", UUID.class),
                        Key.parse(rs.getString("ref_id")), rs.getBigDecimal("amount")))
                .list();
    }

    /** An open dispute's claim on a discrepancy, with the amount it disputed for it. */
    record Claim(UUID disputeId, Key key, BigDecimal amount) {
    }

    /**
     * A discrepancy's identity: {@code statement/invoice/offering/usageType/reference/line}, each part URL-encoded,
     * {@code *} where the event has none (the reconciliation's keys did not use it, or no single statement line), and
     * a part longer than its share of the item id's 200 characters (36 for an id, 20 for the usage type, 30 for the
     * reference and the line, whose statement id prefix is left out) as {@code ~} and 24 hex digits of its SHA-256:
     * the parts are only compared for equality.
     */
    record Key(String statement, String invoice, String offering, String usageType, String reference, String line) {

        private static final String ANY = "*";
        /** The longest part kept as it is: an id (a UUID), a usage type, a reference or line; 193 in all. */
        private static final int ID = 36;
        private static final int USAGE_TYPE = 20;
        private static final int FREE = 30;

        static Key of(ReconciliationDiscrepancyFound found, ReconciliationDiscrepancyFound.Discrepancy line) {
            String statementLine = line.statementLineId();
            if (statementLine != null && statementLine.startsWith(found.statementId() + "-")) {
                statementLine = statementLine.substring(found.statementId().length());
            }
            return new Key(part(found.statementId(), ID), part(found.partnerInvoiceId(), ID),
                    part(line.offeringId(), ID), part(line.usageType(), USAGE_TYPE), part(line.reference(), FREE),
                    part(statementLine, FREE));
        }

        static String prefix(String statement, String invoice) {
            return part(statement, ID) + "/" + part(invoice, ID) + "/";
        }

        static Key parse(String ref) {
            String[] parts = ref.split("/", -1);
            return new Key(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
        }

        String ref() {
            return String.join("/", statement, invoice, offering, usageType, reference, line);
        }

        /**
         * Whether both name the same money: the same statement and invoice, and no part of the key on which they
         * differ where both have one. A reconciliation matching by offering only (one discrepancy over all of an
         * offering's lines) thus overlaps one matching by offering and usage type (the missing usage line inside it).
         */
        boolean overlaps(Key other) {
            return statement.equals(other.statement) && invoice.equals(other.invoice)
                    && same(offering, other.offering) && same(usageType, other.usageType)
                    && same(reference, other.reference) && same(line, other.line);
        }

        private static boolean same(String mine, String theirs) {
            return ANY.equals(mine) || ANY.equals(theirs) || mine.equals(theirs);
        }

        private static String part(String value, int longest) {
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

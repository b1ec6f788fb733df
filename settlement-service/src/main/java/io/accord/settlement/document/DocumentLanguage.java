package io.accord.settlement.document;

import io.accord.settlement.partner.PartnerTerms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The language a document's PDF is printed in (plain Java): German for a partner in Germany, Austria or Switzerland
 * (the partner events carry no language of their own, so the country decides), English for every other partner and
 * when the country is not known. Says the PDF's fixed texts, the line kinds' prefixes and the legal mentions in that
 * language and formats numbers and dates for it; the JSON keeps codes and exact figures ({@code language} names it).
 */
enum DocumentLanguage {

    EN("en", Locale.ENGLISH), DE("de", Locale.GERMAN);

    private static final Set<String> GERMAN_SPEAKING = Set.of("DE", "AT", "CH");
    /** At most this many decimals of a quantity print; the JSON keeps all. */
    static final int QUANTITY_DECIMALS = 3;

    private final String code;
    private final Locale locale;

    DocumentLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The partner's document language from its country (legal data, else its address); English when none known. */
    static DocumentLanguage of(PartnerTerms.LegalData partner) {
        if (partner == null) {
            return EN;
        }
        String country = partner.country() != null ? partner.country()
                : partner.address() == null ? null : partner.address().country();
        return country != null && GERMAN_SPEAKING.contains(country.strip().toUpperCase(Locale.ROOT)) ? DE : EN;
    }

    /** The language a stored code names; English for none (documents issued before the field existed). */
    static DocumentLanguage ofCode(String code) {
        return "de".equals(code) ? DE : EN;
    }

    String code() {
        return code;
    }

    /** A fixed text of the PDF in this language. */
    String text(String key) {
        String text = (this == DE ? GERMAN : ENGLISH).get(key);
        if (text == null) {
            throw new IllegalArgumentException("No text " + key);
        }
        return text;
    }

    /**
     * A text the document's content carries in English (a legal mention, a tax line's label, a line's description
     * starting with its kind), in this language: the known mentions and labels translated, a line kind's prefix
     * translated and the rest (offering names, usage types) kept; anything else as it is.
     */
    String translate(String english) {
        if (english == null || this == EN) {
            return english;
        }
        String whole = GERMAN_MENTIONS.get(english);
        if (whole != null) {
            return whole;
        }
        for (Map.Entry<String, String> prefix : GERMAN_PREFIXES.entrySet()) {
            if (english.startsWith(prefix.getKey())) {
                return prefix.getValue() + english.substring(prefix.getKey().length());
            }
        }
        return english;
    }

    /**
     * The document's title: for a self-billed document (the partner's supply, billed by us) "Gutschrift" /
     * "Self-billed invoice", the term §14 (4) no. 10 UStG and Article 226(10a) of the VAT directive ask for; an invoice
     * of our supply an invoice.
     */
    String title(String documentType, BigDecimal total) {
        boolean positive = total != null && total.signum() > 0;
        boolean negative = total != null && total.signum() < 0;
        return switch (documentType) {
            case "REVENUE_SHARE_STATEMENT" -> text("title.selfBilled") + " – " + text("title.revenueShare")
                    + (negative ? " " + text("title.debitBalance") : "");
            case "WHOLESALE_INVOICE" -> text("title.wholesale") + (positive ? " " + text("title.creditBalance") : "");
            case "SETTLEMENT_STATEMENT" -> text("title.settlement");
            case "CREDIT_NOTE" -> text("title.creditNote");
            case "DEBIT_NOTE" -> text("title.debitNote");
            default -> throw new IllegalArgumentException("Unknown document type " + documentType);
        };
    }

    /** A stored ISO date ({@code 2026-03-01}, or with a time: {@code 2026-04-01 14:30:05 UTC}) as this language writes it. */
    String date(String iso) {
        if (iso == null || this == EN) {
            return iso;
        }
        String day = iso.length() >= 10 ? iso.substring(0, 10) : iso;
        try {
            return LocalDate.parse(day).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + iso.substring(day.length());
        } catch (DateTimeParseException notADate) {
            return iso;
        }
    }

    /** An amount as stored (exact decimals) in this language: German with a decimal comma and grouped thousands. */
    String amount(String plain) {
        if (plain == null || this == EN) {
            return plain;
        }
        try {
            BigDecimal value = new BigDecimal(plain);
            return format(value, value.scale(), value.scale());
        } catch (NumberFormatException notANumber) {
            return plain;
        }
    }

    /** A quantity with at most {@link #QUANTITY_DECIMALS} decimals (9962.233333363 → 9962.233), none trailing. */
    String quantity(String exact) {
        if (exact == null) {
            return null;
        }
        try {
            BigDecimal rounded = new BigDecimal(exact).setScale(QUANTITY_DECIMALS, RoundingMode.HALF_UP);
            BigDecimal plain = rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
            int scale = Math.max(plain.scale(), 0);
            return this == EN ? plain.setScale(scale).toPlainString() : format(plain, scale, scale);
        } catch (NumberFormatException notANumber) {
            return exact;
        }
    }

    /** A unit price: at least the currency's minor unit of decimals (0.5 → 0.50), every further digit it has. */
    String price(String exact, String currency) {
        if (exact == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(exact);
            int digits;
            try {
                digits = Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            } catch (IllegalArgumentException | NullPointerException unknown) {
                digits = 2;
            }
            BigDecimal plain = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            int scale = Math.max(plain.scale(), digits);
            return this == EN ? plain.setScale(scale).toPlainString() : format(plain, scale, scale);
        } catch (NumberFormatException notANumber) {
            return exact;
        }
    }

    /** A percentage as a person writes it (70, 7.5 / 7,5). */
    String percent(String plain) {
        if (plain == null || this == EN) {
            return plain;
        }
        try {
            BigDecimal value = new BigDecimal(plain);
            return format(value, Math.max(value.scale(), 0), Math.max(value.scale(), 0));
        } catch (NumberFormatException notANumber) {
            return plain;
        }
    }

    /** A billed unit's name for {@code count} of it: MIN → minutes / Minuten, EVENT → events / Ereignisse. */
    String unit(String code, boolean one) {
        if (code == null) {
            return null;
        }
        String key = "unit." + code + (one ? ".one" : ".many");
        Map<String, String> texts = this == DE ? GERMAN : ENGLISH;
        return texts.getOrDefault(key, code);
    }

    private String format(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("title.selfBilled", "Self-billed invoice"),
            Map.entry("title.revenueShare", "revenue-share statement"),
            Map.entry("title.debitBalance", "(debit balance)"),
            Map.entry("title.wholesale", "Wholesale invoice"),
            Map.entry("title.creditBalance", "(credit balance)"),
            Map.entry("title.settlement", "Settlement statement: self-billed invoice (revenue share) and invoice "
                    + "(wholesale), netted"),
            Map.entry("title.creditNote", "Credit note"),
            Map.entry("title.debitNote", "Debit note"),
            Map.entry("documentNumber", "Document number"),
            Map.entry("corrects", "Corrects"),
            Map.entry("reason", "Reason"),
            Map.entry("issuedBy", "Issued by"),
            Map.entry("partner", "Partner"),
            Map.entry("taxId", "Tax id"),
            Map.entry("notKnown", "(not known)"),
            Map.entry("issueDate", "Issue date"),
            Map.entry("period", "Period"),
            Map.entry("periodTo", "to"),
            Map.entry("exclusive", "(exclusive)"),
            Map.entry("dueDate", "Due date"),
            Map.entry("currency", "Currency"),
            Map.entry("number", "#"),
            Map.entry("description", "Description"),
            Map.entry("quantity", "Quantity"),
            Map.entry("amount", "Amount"),
            Map.entry("usage", "Usage"),
            Map.entry("converted", "Converted"),
            Map.entry("ratedRecord", "rated record"),
            Map.entry("ratedRecords", "rated records"),
            Map.entry("chargedAt", "charged at"),
            Map.entry("per", "per"),
            Map.entry("share", "share"),
            Map.entry("netAmount", "Net amount"),
            Map.entry("tax", "Tax"),
            Map.entry("on", "on"),
            Map.entry("totalPayableTo", "Total payable to the partner"),
            Map.entry("totalPayableBy", "Total payable by the partner"),
            Map.entry("paymentTo", "Payment to"),
            Map.entry("notConfirmed", "not confirmed yet"),
            Map.entry("billingOnBehalf", "Billing on behalf of"),
            Map.entry("billingOnBehalfWhat", "what we billed end customers in its name, per tax category"),
            Map.entry("taxCategory", "Tax category"),
            Map.entry("offeringUsage", "Offering × usage type"),
            Map.entry("grossCharged", "Gross charged"),
            Map.entry("records", "Records"),
            Map.entry("total", "Total"),
            Map.entry("notShown", "Not shown"),
            Map.entry("unit.MIN.one", "min"), Map.entry("unit.MIN.many", "min"),
            Map.entry("unit.S.one", "s"), Map.entry("unit.S.many", "s"),
            Map.entry("unit.H.one", "h"), Map.entry("unit.H.many", "h"),
            Map.entry("unit.EVENT.one", "event"), Map.entry("unit.EVENT.many", "events"),
            Map.entry("unit.MESSAGE.one", "message"), Map.entry("unit.MESSAGE.many", "messages"),
            Map.entry("unit.API_CALL.one", "API call"), Map.entry("unit.API_CALL.many", "API calls"));

    private static final Map<String, String> GERMAN = Map.ofEntries(
            Map.entry("title.selfBilled", "Gutschrift"),
            Map.entry("title.revenueShare", "Abrechnung der Umsatzbeteiligung"),
            Map.entry("title.debitBalance", "(Saldo zu Ihren Lasten)"),
            Map.entry("title.wholesale", "Rechnung (Wholesale)"),
            Map.entry("title.creditBalance", "(Saldo zu Ihren Gunsten)"),
            Map.entry("title.settlement", "Abrechnung: Gutschrift (Umsatzbeteiligung) und Rechnung (Wholesale), "
                    + "verrechnet"),
            Map.entry("title.creditNote", "Korrekturbeleg zu Ihren Gunsten"),
            Map.entry("title.debitNote", "Korrekturbeleg zu Ihren Lasten"),
            Map.entry("documentNumber", "Belegnummer"),
            Map.entry("corrects", "Korrigiert"),
            Map.entry("reason", "Grund"),
            Map.entry("issuedBy", "Ausgestellt von"),
            Map.entry("partner", "Partner"),
            Map.entry("taxId", "USt-IdNr./Steuernummer"),
            Map.entry("notKnown", "(nicht bekannt)"),
            Map.entry("issueDate", "Ausstellungsdatum"),
            Map.entry("period", "Abrechnungszeitraum"),
            Map.entry("periodTo", "bis"),
            Map.entry("exclusive", "(ausschließlich)"),
            Map.entry("dueDate", "Fällig am"),
            Map.entry("currency", "Währung"),
            Map.entry("number", "Pos."),
            Map.entry("description", "Beschreibung"),
            Map.entry("quantity", "Menge"),
            Map.entry("amount", "Betrag"),
            Map.entry("usage", "Nutzung"),
            Map.entry("converted", "Umgerechnet"),
            Map.entry("ratedRecord", "bewerteter Datensatz"),
            Map.entry("ratedRecords", "bewertete Datensätze"),
            Map.entry("chargedAt", "berechnet zu"),
            Map.entry("per", "je"),
            Map.entry("share", "Anteil"),
            Map.entry("netAmount", "Nettobetrag"),
            Map.entry("tax", "USt"),
            Map.entry("on", "auf"),
            Map.entry("totalPayableTo", "Gesamtbetrag zahlbar an den Partner"),
            Map.entry("totalPayableBy", "Gesamtbetrag zahlbar durch den Partner"),
            Map.entry("paymentTo", "Zahlung an"),
            Map.entry("notConfirmed", "noch nicht bestätigt"),
            Map.entry("billingOnBehalf", "Abrechnung im Namen von"),
            Map.entry("billingOnBehalfWhat", "was wir Endkunden in seinem Namen berechnet haben, je Steuerkategorie"),
            Map.entry("taxCategory", "Steuerkategorie"),
            Map.entry("offeringUsage", "Produktangebot × Nutzungsart"),
            Map.entry("grossCharged", "Brutto berechnet"),
            Map.entry("records", "Datensätze"),
            Map.entry("total", "Summe"),
            Map.entry("notShown", "Nicht enthalten"),
            Map.entry("unit.MIN.one", "Min."), Map.entry("unit.MIN.many", "Min."),
            Map.entry("unit.S.one", "Sek."), Map.entry("unit.S.many", "Sek."),
            Map.entry("unit.H.one", "Std."), Map.entry("unit.H.many", "Std."),
            Map.entry("unit.EVENT.one", "Ereignis"), Map.entry("unit.EVENT.many", "Ereignisse"),
            Map.entry("unit.MESSAGE.one", "Nachricht"), Map.entry("unit.MESSAGE.many", "Nachrichten"),
            Map.entry("unit.API_CALL.one", "API-Aufruf"), Map.entry("unit.API_CALL.many", "API-Aufrufe"));

    /** The legal mentions and tax line labels the content carries in English, in German. */
    private static final Map<String, String> GERMAN_MENTIONS = Map.of(
            DocumentComposer.SELF_BILLING_NOTE, "Gutschrift: Abrechnung durch den Leistungsempfänger im Namen und "
                    + "für Rechnung des leistenden Unternehmers (§ 14 Abs. 2 Satz 2 und Abs. 4 Satz 1 Nr. 10 UStG; "
                    + "Art. 226 Nr. 10a Richtlinie 2006/112/EG).",
            DocumentComposer.SELF_BILLING_REVENUE_SHARE_NOTE, "Gutschrift für die Positionen der Umsatzbeteiligung: "
                    + "diese rechnet der Leistungsempfänger im Namen und für Rechnung des leistenden Unternehmers ab "
                    + "(§ 14 Abs. 4 Satz 1 Nr. 10 UStG; Art. 226 Nr. 10a Richtlinie 2006/112/EG). Die "
                    + "Wholesale-Positionen sind unsere Leistungen an den Partner, von uns in Rechnung gestellt. Beide "
                    + "werden miteinander verrechnet: der Gesamtbetrag ist der Saldo.",
            DocumentComposer.CREDIT_BALANCE_NOTE, "Saldo zu Ihren Gunsten: die Gutschriften dieser Rechnung "
                    + "übersteigen ihre Belastungen, der Saldo ist an den Partner zahlbar. Dies ist unsere Rechnung als "
                    + "leistender Unternehmer, keine Gutschrift im Sinne des § 14 Abs. 2 Satz 2 UStG.",
            DocumentComposer.DEBIT_BALANCE_NOTE, "Saldo zu Ihren Lasten: die Abzüge übersteigen die "
                    + "Umsatzbeteiligung des Partners, der Saldo ist vom Partner zu zahlen.",
            DocumentComposer.PER_CUSTOMER_MISSING, "Aufstellung je Kunde: nicht in diesem Beleg; die Ansicht "
                    + "\"Abrechnung im Namen\" der Abrechnung in der Partner-API führt sie je Kundenreferenz",
            DocumentComposer.TAX_CATEGORY_MISSING, "Steuerkategorie: nicht bekannt für Positionen ohne eine (Nutzung, "
                    + "die bewertet wurde, bevor die Bewertung die Steuerkategorie des Preises mitführte, oder ein "
                    + "Preis ohne Steuerkategorie)",
            "Reverse charge: the recipient is liable for the VAT (Article 196, Council Directive 2006/112/EC).",
            "Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, § 13b UStG; Art. 196 Richtlinie "
                    + "2006/112/EG).",
            io.accord.settlement.money.SettlementMath.OUTSIDE_SCOPE_NOTE, "Nicht im Inland steuerbare Leistung: "
                    + "der Leistungsort liegt außerhalb der EU (§ 3a Abs. 2 UStG; Art. 44 Richtlinie 2006/112/EG).",
            "VAT on your supply to us (self-billed)", "USt auf Ihre Leistung an uns (Gutschrift)",
            "VAT on our supply to you", "USt auf unsere Leistung an Sie");

    /** A line's kind as its description starts, in German (longest first where one starts another). */
    private static final Map<String, String> GERMAN_PREFIXES = orderedPrefixes();

    private static Map<String, String> orderedPrefixes() {
        Map<String, String> prefixes = new java.util.LinkedHashMap<>();
        prefixes.put("Prior-period adjustment: ", "Korrektur Vorperiode: ");
        prefixes.put("Revenue share: ", "Umsatzbeteiligung: ");
        prefixes.put("Wholesale: ", "Wholesale: ");
        prefixes.put("Recurring share: ", "Wiederkehrender Anteil: ");
        prefixes.put("One-time share: ", "Einmaliger Anteil: ");
        prefixes.put("Recurring wholesale: ", "Wiederkehrendes Wholesale: ");
        prefixes.put("One-time wholesale: ", "Einmaliges Wholesale: ");
        return java.util.Collections.unmodifiableMap(prefixes);
    }
}

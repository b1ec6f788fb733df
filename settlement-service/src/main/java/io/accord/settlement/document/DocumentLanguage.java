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
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The language a document's PDF is printed in (plain Java): German for a partner in Germany, Austria or Switzerland
 * (the partner events carry no language of their own, so the country decides), English for every other partner and
 * when the country is not known. Says the PDF's fixed texts, the line kinds' prefixes and the legal mentions in that
 * language (the fixed texts from the {@value #TEXTS} bundle) and formats numbers and dates for it; the JSON keeps
 * codes and exact figures ({@code language} names it).
 */
enum DocumentLanguage {

    EN("en", Locale.ENGLISH), DE("de", Locale.GERMAN);

    private static final Set<String> GERMAN_SPEAKING = Set.of("DE", "AT", "CH");
    /** At most this many decimals of a quantity print; the JSON keeps all. */
    static final int QUANTITY_DECIMALS = 3;

    /** The texts' bundle: English the root, German its {@code _de} variant (src/main/resources). */
    static final String TEXTS = "document-messages";

    private final String code;
    private final Locale locale;
    private final ResourceBundle texts;

    DocumentLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
        // no fallback to the JVM's default locale: English is the root bundle, whatever the server's locale
        this.texts = ResourceBundle.getBundle(TEXTS, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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
        if (!texts.containsKey(key)) {
            throw new IllegalArgumentException("No text " + key);
        }
        return texts.getString(key);
    }

    /**
     * A text the document's content carries in English (a legal mention, a tax line's label, a line's description
     * starting with its kind), in this language: the known mentions and labels translated, a line kind's prefix
     * translated, the rest of a label of a known shape in German ({@link GermanLabels}: product charges, per-resource
     * fees, volume-tier bonuses, minimum guarantees and commitments, dispute adjustments, "(corrects line n)") with its
     * names, ids and free text kept; anything else as it is.
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
                // a late product's line says what it adjusts, then the product charge's own kind
                return prefix.getValue() + translate(english.substring(prefix.getKey().length()));
            }
        }
        return GermanLabels.of(english, this);
    }

    /**
     * What a prior-period usage line adjusts ({@code period 2026-03-01 – 2026-04-01 (2 late records): statement
     * ACD-2026-000001, line <statement id>-1}, one part per closed period, {@code "; "} between them; stored in English
     * on the statement line) in this language: each part's words and dates translated, its numbers and ids kept; a
     * part of another shape as it is.
     */
    String adjusts(String english) {
        if (english == null || this == EN) {
            return english;
        }
        return java.util.Arrays.stream(english.split("; ", -1)).map(this::adjustedPeriod)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private String adjustedPeriod(String part) {
        java.util.regex.Matcher matcher = ADJUSTED_PERIOD.matcher(part);
        if (!matcher.matches()) {
            return part;
        }
        String records = matcher.group(3);
        StringBuilder text = new StringBuilder(text("adjusts.period") + " " + date(matcher.group(1)) + " – "
                + date(matcher.group(2)) + " (" + records + " "
                + text("1".equals(records) ? "adjusts.lateRecord" : "adjusts.lateRecords") + ")");
        if (matcher.group(4) != null) {
            text.append(": ").append(text("adjusts.statement")).append(' ').append(matcher.group(4));
        }
        if (matcher.group(5) != null) {
            text.append(", ").append(text("adjusts.line")).append(' ').append(matcher.group(5));
        }
        return text.toString();
    }

    /** One closed period of a prior-period line's reference, as {@code PriorPeriodReferences} writes it. */
    private static final java.util.regex.Pattern ADJUSTED_PERIOD = java.util.regex.Pattern.compile(
            "period (\\d{4}-\\d{2}-\\d{2}) – (\\d{4}-\\d{2}-\\d{2}) \\((\\d+) late records?\\)"
                    + "(?:: statement ([^,;]+)(?:, line ([^,;]+))?)?");

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
        return texts.containsKey(key) ? texts.getString(key) : code;
    }

    private String format(BigDecimal value, int minDecimals, int maxDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(maxDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    
    
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
        prefixes.put("Prior-period adjustment (product started in a closed period): ",
                "Korrektur Vorperiode (Produkt in einem abgeschlossenen Zeitraum begonnen): ");
        prefixes.put("Prior-period adjustment (product ended in a closed period): ",
                "Korrektur Vorperiode (Produkt in einem abgeschlossenen Zeitraum beendet): ");
        prefixes.put("Prior-period adjustment (product end moved later in a closed period): ",
                "Korrektur Vorperiode (Produktende in einem abgeschlossenen Zeitraum später): ");
        prefixes.put("Revenue share: ", "Umsatzbeteiligung: ");
        prefixes.put("Wholesale: ", "Wholesale: ");
        prefixes.put("Recurring share: ", "Wiederkehrender Anteil: ");
        prefixes.put("One-time share: ", "Einmaliger Anteil: ");
        prefixes.put("Recurring wholesale: ", "Wiederkehrendes Wholesale: ");
        prefixes.put("One-time wholesale: ", "Einmaliges Wholesale: ");
        return java.util.Collections.unmodifiableMap(prefixes);
    }
}

package io.accord.settlement.document;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rest of a statement or note line's label (what follows its kind's prefix) in German, read from the English
 * sentence the statement drafted (plain Java). The labels are written by code in fixed shapes (a product charge, a
 * per-resource fee, a volume-tier bonus, a minimum guarantee or commitment, a dispute adjustment, a note line's
 * "(corrects line n)", a dispute note's reason), so their parts (names, ids, rates, counts, amounts) are taken back
 * from those shapes and said in German; names, ids and free text (a dispute's reason) are kept. A label of another
 * shape (a late guarantee line's, one typed by a person, or one a later change of these shapes leaves unrecognised) is
 * returned as it is: the lines store no structured parts for these labels, so old and new rows print alike.
 */
final class GermanLabels {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";

    private static final Pattern CORRECTS = Pattern.compile("^(.*) \\(corrects line (\\d+)\\)$", Pattern.DOTALL);
    private static final Pattern PRODUCT_CHARGE = Pattern.compile("^(.+) \\(([^()]*)\\), (.+) of the "
            + "(prorated recurring charge|one-time charge) of (\\d+) (?:product|products)$", Pattern.DOTALL);
    private static final Pattern SHARE = Pattern.compile("^" + NUMBER + " % \\((.*)\\)$");
    private static final Pattern RESOURCE_FEE = Pattern.compile("^Per-(\\S+) monthly fee \\(" + NUMBER
            + " (\\S+) per (\\S+) and month, by day\\), (\\d+) × (.+)$");
    private static final Pattern TIER_BONUS = Pattern.compile("^Volume-tier bonus \\(rule (.+?), base " + NUMBER
            + " %\\): " + NUMBER + " units, (.+), of " + NUMBER + " (\\S+) gross$");
    private static final Pattern TIER_PART = Pattern.compile("^" + NUMBER + " units from " + NUMBER + " at \\+"
            + NUMBER + " %$");
    private static final Pattern GUARANTEE = Pattern.compile("^(Minimum guarantee top-up|Minimum guarantee top-up "
            + "taken back \\(paid before\\)|Minimum commitment|Minimum commitment given back \\(charged before\\)): "
            + NUMBER + " (\\S+) for the period \\((.+)\\) − " + NUMBER + " \\S+ (payable|wholesale) lines"
            + "(?: − " + NUMBER + " \\S+ of its earlier periods' lines)?"
            + "(?: − " + NUMBER + " \\S+ of their usage billed late \\(prior-period adjustments\\))?"
            + "(?: − " + NUMBER + " \\S+ charged on their statements)?$");
    private static final Pattern GUARANTEE_BASIS = Pattern.compile("^" + NUMBER + " monthly, (\\S+) calendar period "
            + "(\\S+(?: \\d{2}:\\d{2}:\\d{2})?) – (\\S+(?: \\d{2}:\\d{2}:\\d{2})?) \\(UTC\\)$");
    private static final Pattern DISPUTE = Pattern.compile("^Dispute (\\S+) adjustment (\\S+) \\((credit|debit)\\)"
            + "(?: on statement line (\\S+))?(?:: (.*))?$", Pattern.DOTALL);

    private static final Pattern DISPUTE_RESOLVED = Pattern.compile("^Dispute (\\S+) resolved(?:: (.*))?$",
            Pattern.DOTALL);

    private static final Map<String, String> GUARANTEE_KINDS = Map.of(
            "Minimum guarantee top-up", "Aufstockung auf die Mindestgarantie",
            "Minimum guarantee top-up taken back (paid before)",
            "Aufstockung auf die Mindestgarantie zurückgenommen (zuvor gezahlt)",
            "Minimum commitment", "Mindestabnahme",
            "Minimum commitment given back (charged before)", "Mindestabnahme erstattet (zuvor berechnet)");
    private static final Map<String, String> CYCLES = Map.of("monthly", "monatlicher", "quarterly",
            "vierteljährlicher", "weekly", "wöchentlicher", "yearly", "jährlicher", "annual", "jährlicher",
            "annually", "jährlicher", "semiannual", "halbjährlicher", "biweekly", "zweiwöchentlicher");

    private GermanLabels() {
    }

    /** The label (after its kind's prefix) in German; {@code english} itself when it has none of the known shapes. */
    static String of(String english, DocumentLanguage german) {
        Matcher corrects = CORRECTS.matcher(english);
        if (corrects.matches()) {
            return of(corrects.group(1), german) + " (korrigiert Position " + corrects.group(2) + ")";
        }
        Matcher matcher = PRODUCT_CHARGE.matcher(english);
        if (matcher.matches()) {
            return productCharge(matcher, german);
        }
        if ((matcher = RESOURCE_FEE.matcher(english)).matches()) {
            return "Monatliche Gebühr je " + matcher.group(1) + " (" + german.amount(matcher.group(2)) + " "
                    + matcher.group(3) + " je " + matcher.group(4) + " und Monat, tageweise), " + matcher.group(5)
                    + " × " + matcher.group(6);
        }
        if ((matcher = TIER_BONUS.matcher(english)).matches()) {
            return tierBonus(matcher, german);
        }
        if ((matcher = GUARANTEE.matcher(english)).matches()) {
            return guarantee(matcher, german);
        }
        if ((matcher = DISPUTE.matcher(english)).matches()) {
            return "Streitfall " + matcher.group(1) + ", Korrektur " + matcher.group(2) + " ("
                    + ("credit".equals(matcher.group(3)) ? "zu Ihren Gunsten" : "zu Ihren Lasten") + ")"
                    + (matcher.group(4) == null ? "" : " zur Abrechnungsposition " + matcher.group(4))
                    + (matcher.group(5) == null ? "" : ": " + matcher.group(5));
        }
        if ((matcher = DISPUTE_RESOLVED.matcher(english)).matches()) {
            // a note's reason when it settles a dispute
            return "Streitfall " + matcher.group(1) + " beigelegt" + (matcher.group(2) == null ? ""
                    : ": " + matcher.group(2));
        }
        return english;
    }

    private static String productCharge(Matcher matcher, DocumentLanguage german) {
        String share = matcher.group(3);
        Matcher percent = SHARE.matcher(share);
        String germanShare;
        if ("owed in full".equals(share)) {
            germanShare = "voll geschuldet";
        } else if (share.startsWith("owed in full (") && share.endsWith(")")) {
            germanShare = "voll geschuldet (" + basis(share.substring("owed in full (".length(), share.length() - 1))
                    + ")";
        } else if (percent.matches()) {
            germanShare = german.percent(percent.group(1)) + " % (" + basis(percent.group(2)) + ")";
        } else {
            germanShare = share;
        }
        long count = Long.parseLong(matcher.group(5));
        String charge = "prorated recurring charge".equals(matcher.group(4))
                ? "des anteiligen wiederkehrenden Entgelts" : "des einmaligen Entgelts";
        return matcher.group(1) + " (" + matcher.group(2) + "), " + germanShare + " " + charge + " von " + count
                + (count == 1 ? " Produkt" : " Produkten");
    }

    /** Why a product charge is shared as it is: a participant share, a rule, or owed for its own customer. */
    private static String basis(String english) {
        return switch (english) {
            case "participant share" -> "Beteiligungsanteil";
            case "bought for its own customer" -> "für den eigenen Kunden gekauft";
            case "wholesale" -> "Wholesale";
            default -> english.startsWith("rule ") ? "Regel " + rule(english.substring("rule ".length())) : english;
        };
    }

    /** A revenue-share rule as {@code ShareRules.describe} writes it ({@code video × any}). */
    private static String rule(String english) {
        return english.replaceAll("\\bany\\b", "alle").replace("usage without a type", "Nutzung ohne Typ");
    }

    private static String tierBonus(Matcher matcher, DocumentLanguage german) {
        String rule = matcher.group(1);
        int on = rule.indexOf(" on ");
        String germanRule = on < 0 ? rule(rule) : rule(rule.substring(0, on)) + " für " + rule(rule.substring(on + 4));
        String parts = Arrays.stream(matcher.group(4).split(", ")).map(part -> {
            Matcher tier = TIER_PART.matcher(part);
            return tier.matches() ? german.amount(tier.group(1)) + " Einheiten ab " + german.amount(tier.group(2))
                    + " zu +" + german.percent(tier.group(3)) + " %" : part;
        }).collect(Collectors.joining(", "));
        return "Mengenstaffel-Bonus (Regel " + germanRule + ", Basis " + german.percent(matcher.group(2)) + " %): "
                + german.amount(matcher.group(3)) + " Einheiten, " + parts + ", auf " + german.amount(matcher.group(5))
                + " " + matcher.group(6) + " brutto";
    }

    private static String guarantee(Matcher matcher, DocumentLanguage german) {
        String currency = matcher.group(3);
        StringBuilder text = new StringBuilder(GUARANTEE_KINDS.get(matcher.group(1))).append(": ")
                .append(german.amount(matcher.group(2))).append(' ').append(currency).append(" für den Zeitraum (")
                .append(guaranteeBasis(matcher.group(4), german)).append(") − ")
                .append(german.amount(matcher.group(5)))
                .append(' ').append(currency).append("payable".equals(matcher.group(6)) ? " zahlbare Positionen"
                        : " Wholesale-Positionen");
        if (matcher.group(7) != null) {
            text.append(" − ").append(german.amount(matcher.group(7))).append(' ').append(currency)
                    .append(" Positionen seiner früheren Teilzeiträume");
        }
        if (matcher.group(8) != null) {
            text.append(" − ").append(german.amount(matcher.group(8))).append(' ').append(currency)
                    .append(" ihrer nachträglich abgerechneten Nutzung (Korrekturen Vorperiode)");
        }
        if (matcher.group(9) != null) {
            text.append(" − ").append(german.amount(matcher.group(9))).append(' ').append(currency)
                    .append(" auf ihren Belegen berechnet");
        }
        return text.toString();
    }

    /** {@code 150 monthly, monthly calendar period 2026-12-01 – 2027-01-01 (UTC)}, as the composer writes it. */
    private static String guaranteeBasis(String english, DocumentLanguage german) {
        Matcher matcher = GUARANTEE_BASIS.matcher(english);
        if (!matcher.matches()) {
            return english;
        }
        String cycle = CYCLES.getOrDefault(matcher.group(2), matcher.group(2));
        return german.amount(matcher.group(1)) + " monatlich, " + cycle + " Kalenderzeitraum "
                + german.date(matcher.group(3)) + " – " + german.date(matcher.group(4)) + " (UTC)";
    }
}

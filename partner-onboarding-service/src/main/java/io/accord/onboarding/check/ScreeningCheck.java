package io.accord.onboarding.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Screens the applicant's legal and trading name and its contacts' names against the denylist/sanctions list,
 * after {@link Names#normalise normalisation}, by {@link NameMatch}.
 */
final class ScreeningCheck {

    private final Supplier<List<DenylistEntry>> denylist;
    private final double threshold;

    ScreeningCheck(Supplier<List<DenylistEntry>> denylist, double threshold) {
        this.denylist = denylist;
        this.threshold = threshold;
    }

    CheckResult check(ApplicantData data) {
        Map<String, String> screened = screenedNames(data);
        List<DenylistEntry> entries = denylist.get();
        List<String> hits = new ArrayList<>();
        Map<String, String> normalised = new LinkedHashMap<>();
        screened.forEach((what, name) -> normalised.put(what, Names.normalise(name)));
        for (DenylistEntry entry : entries) {
            String listed = entry.normalisedName();
            screened.forEach((what, name) -> NameMatch.between(normalised.get(what), listed, threshold)
                    .ifPresent(how -> hits.add(what + " '" + name + "' matches denylist entry '" + entry.name()
                            + "' (" + how + "; " + entry.source() + ")")));
        }
        if (!hits.isEmpty()) {
            return CheckResult.failed(CheckNames.SCREENING, ReasonCodes.SCREENING_MATCH, String.join("; ", hits));
        }
        return CheckResult.passed(CheckNames.SCREENING, ReasonCodes.SCREENING_CLEAR, screened.size() + " names ("
                + String.join(", ", screened.keySet()) + ") screened against " + entries.size()
                + " denylist entries: no match");
    }

    private static Map<String, String> screenedNames(ApplicantData data) {
        Map<String, String> names = new LinkedHashMap<>();
        put(names, "legal name", data.legalName());
        put(names, "trading name", data.tradingName());
        put(names, "commercial contact", name(data.commercial()));
        put(names, "technical contact", name(data.technical()));
        put(names, "billing contact", name(data.billing()));
        return names;
    }

    private static String name(Contact contact) {
        return Optional.ofNullable(contact).map(Contact::name).orElse(null);
    }

    private static void put(Map<String, String> names, String what, String name) {
        if (name != null && !name.isBlank()) {
            names.put(what, name.strip());
        }
    }
}

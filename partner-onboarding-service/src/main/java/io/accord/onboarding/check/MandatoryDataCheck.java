package io.accord.onboarding.check;

import io.accord.contracts.value.Money;
import io.accord.onboarding.partner.PartnerType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields every application needs, plus those of its partner type, are present; and the ones we can judge on
 * their own are well-formed: the country is ISO 3166, the currency is ISO 4217, e-mail addresses and phone numbers
 * look like ones. Fields are named by their JSON paths in the request ({@link ApplicantFields}).
 */
final class MandatoryDataCheck {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,24}");

    private final List<String> common;
    private final Map<PartnerType, List<String>> perType;

    MandatoryDataCheck(List<String> common, Map<PartnerType, List<String>> perType) {
        this.common = common;
        this.perType = perType;
    }

    CheckResult check(ApplicantData data) {
        List<String> missing = new ArrayList<>();
        if (data.type() == null) {
            missing.add("partnerType");
        }
        if (data.model() == null) {
            missing.add("businessModel");
        }
        Set<String> required = new LinkedHashSet<>(common);
        if (data.type() != null) {
            required.addAll(perType.getOrDefault(data.type(), List.of()));
        }
        required.stream().filter(field -> absent(data, field)).forEach(missing::add);
        List<String> invalid = malformed(data);
        String forWhom = data.type() == null ? "every application" : data.type() + " applications";
        if (missing.isEmpty() && invalid.isEmpty()) {
            return CheckResult.passed(CheckNames.MANDATORY_DATA, ReasonCodes.MANDATORY_DATA_COMPLETE,
                    "partner type, business model and all "
                    + required.size() + " fields required for " + forWhom + " present and well-formed");
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing (required for " + forWhom + "): " + String.join(", ", missing));
        }
        problems.addAll(invalid);
        return CheckResult.failed(CheckNames.MANDATORY_DATA, missing.isEmpty() ? ReasonCodes.MANDATORY_DATA_MALFORMED
                : ReasonCodes.MANDATORY_DATA_MISSING, String.join("; ", problems));
    }

    /**
     * A required {@code bankAccount.iban} is also given by an account number: whether that form fits the country
     * (one that issues no IBANs) is the bank-account check's question.
     */
    private static boolean absent(ApplicantData data, String field) {
        if (field.equals("bankAccount.iban") && ApplicantFields.value(data, "bankAccount.accountNumber").isPresent()) {
            return false;
        }
        return ApplicantFields.value(data, field).isEmpty();
    }

    private static List<String> malformed(ApplicantData data) {
        List<String> invalid = new ArrayList<>();
        ApplicantFields.value(data, "country").filter(country -> !COUNTRIES.contains(country))
                .ifPresent(country -> invalid.add("country '" + country + "' is not an ISO 3166-1 alpha-2 code"));
        ApplicantFields.value(data, "settlementCurrency").filter(currency -> !Money.isSettlementCurrency(currency))
                .ifPresent(currency -> invalid.add("settlementCurrency '" + currency
                        + "' is not an ISO 4217 currency partners can be settled in"));
        for (String contact : List.of("contacts.commercial", "contacts.technical", "contacts.billing")) {
            ApplicantFields.value(data, contact + ".email").filter(email -> !EMAIL.matcher(email.strip()).matches())
                    .ifPresent(email -> invalid.add(contact + ".email '" + email + "' is not an e-mail address"));
            ApplicantFields.value(data, contact + ".phone").filter(phone -> !PHONE.matcher(phone.strip()).matches())
                    .ifPresent(phone -> invalid.add(contact + ".phone '" + phone + "' is not a phone number"));
        }
        return invalid;
    }
}

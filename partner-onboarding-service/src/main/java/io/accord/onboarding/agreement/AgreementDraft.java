package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.InvalidInputException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What a new agreement version (or a changed draft) is made of, checked: validated terms and a period that ends
 * after it starts.
 *
 * @param templateId the template the terms come from, {@code null} when staff wrote them
 * @param items      the TMF651 agreement items the client sent (written terms and conditions)
 * @param openPoints what a partner manager must settle before the version can be proposed (terms drafted from a
 *                   template that does not fit the partner, {@link TemplateFit}); {@code null} when none
 * @param templateAuthor who wrote the template version the terms come from: a preparer of the version (four-eyes);
 *                       {@code null} when staff wrote the terms
 */
record AgreementDraft(String name, String description, BusinessModel businessModel, String partnerName,
                      AgreementTerms terms, UUID templateId, Instant effectiveFrom, Instant validUntil,
                      AgreementItems items, String openPoints, String templateAuthor) {

    // dates a commercial agreement can plausibly have, and that PostgreSQL's timestamptz can hold
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

    /**
     * @param requestedEnd the end of the agreement period if the caller set one; otherwise it is the start plus
     *                     the terms' validity in months (calendar months in UTC), or open-ended
     */
    static AgreementDraft of(String name, String description, BusinessModel businessModel, String partnerName,
                             AgreementTerms terms, UUID templateId, Instant effectiveFrom, Instant requestedEnd) {
        return of(name, description, businessModel, partnerName, terms, templateId, effectiveFrom, requestedEnd,
                AgreementItems.NONE);
    }

    static AgreementDraft of(String name, String description, BusinessModel businessModel, String partnerName,
                             AgreementTerms terms, UUID templateId, Instant effectiveFrom, Instant requestedEnd,
                             AgreementItems items) {
        plausible(effectiveFrom, "agreementPeriod.startDateTime");
        plausible(requestedEnd, "agreementPeriod.endDateTime");
        Instant start = Timestamps.stored(effectiveFrom);
        AgreementTerms checked = TermsRules.validated(terms, "terms");
        Instant end = requestedEnd != null ? Timestamps.stored(requestedEnd) : checked.validityMonths() == null
                ? null : start.atOffset(ZoneOffset.UTC).plusMonths(checked.validityMonths()).toInstant();
        if (end != null && !end.isAfter(start)) {
            throw new InvalidInputException("agreementPeriod.endDateTime", "must be after the startDateTime "
                    + start);
        }
        return new AgreementDraft(name, description, businessModel, partnerName, checked, templateId, start, end,
                items == null ? AgreementItems.NONE : items, null, null);
    }

    /** The same draft with what a partner manager must still settle ({@code null}: nothing). */
    AgreementDraft withOpenPoints(String points) {
        return new AgreementDraft(name, description, businessModel, partnerName, terms, templateId, effectiveFrom,
                validUntil, items, points, templateAuthor);
    }

    /** The same draft, its terms written by {@code author} in the template they come from. */
    AgreementDraft withTemplateAuthor(String author) {
        return new AgreementDraft(name, description, businessModel, partnerName, terms, templateId, effectiveFrom,
                validUntil, items, openPoints, author);
    }

    private static void plausible(Instant date, String field) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidInputException(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }
}

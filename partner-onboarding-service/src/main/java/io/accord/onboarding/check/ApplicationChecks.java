package io.accord.onboarding.check;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The automated checks of a partner application: mandatory data, tax id, bank account, duplicates, denylist
 * screening, required documents. Pure: it changes nothing and reads only what it is given, the configured rules
 * and the denylist. A Spring bean (see {@code ChecksConfiguration}); {@link #withDefaults()} for plain tests.
 */
public class ApplicationChecks {

    private final MandatoryDataCheck mandatoryData;
    private final TaxIdCheck taxId = new TaxIdCheck();
    private final BankAccountCheck bankAccount = new BankAccountCheck();
    private final DuplicateCheck duplicates = new DuplicateCheck();
    private final ScreeningCheck screening;
    private final DocumentsCheck documents;

    ApplicationChecks(CheckProperties properties, Supplier<List<DenylistEntry>> denylist) {
        this.mandatoryData = new MandatoryDataCheck(properties.commonRequiredFields(), properties.requiredFields());
        this.screening = new ScreeningCheck(denylist, properties.screeningThreshold());
        this.documents = new DocumentsCheck(properties.commonRequiredDocuments(), properties.requiredDocuments());
    }

    /** The default rules with an empty denylist. */
    public static ApplicationChecks withDefaults() {
        return new ApplicationChecks(CheckProperties.defaults(), List::of);
    }

    /**
     * Runs every check; never throws for incomplete or malformed data (that is what the results report).
     *
     * @param attachedDocumentTypes the types of the documents attached to the application (e.g. TAX_FORM)
     * @param lookup                finds existing partners and other open applications, see {@link DuplicateLookup}
     * @return one result per check, in the order of {@link CheckNames#ALL}
     */
    public List<CheckResult> run(ApplicantData data, Set<String> attachedDocumentTypes, DuplicateLookup lookup) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(lookup, "lookup");
        return List.of(
                mandatoryData.check(data),
                taxId.check(data.taxId(), data.country()),
                bankAccount.check(data),
                duplicates.check(data, lookup),
                screening.check(data),
                documents.check(data.type(), attachedDocumentTypes));
    }
}

package io.accord.catalog.offering;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.function.Consumer;

/**
 * What other catalog features (bulk import and export) may do with offerings: upsert drafts keyed by the owner's
 * external ids, and stream them out again.
 */
@Component
public class Offerings {

    private final OfferingImport importer;
    private final OfferingExport exporter;

    Offerings(OfferingImport importer, OfferingExport exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    /**
     * Creates or updates the owner's offerings from {@code drafts}, keyed by (owner, externalId), in one transaction
     * (the caller's, when it has one). Each draft gets one outcome, in order: {@code CREATED} (a new draft),
     * {@code UPDATED} (an offering not launched yet changed; a rejected one returns to draft), {@code NEW_VERSION} /
     * {@code NEW_PRICE_VERSION} (a launched offering changed; the change waits for review unless the auto-approval
     * policy approves it), {@code UNCHANGED} (identical content: nothing is written, not even a timestamp or an audit
     * entry) or {@code INVALID} with field-level errors (nothing of that draft is written, the others proceed; this
     * never throws for a bad draft). Bundles may name offerings created earlier or in the same call. One audit entry
     * per call names every offering written.
     *
     * @param owner  whose offerings these are (the caller checked the right to write them)
     * @param dryRun validate and classify exactly as a real run, but write nothing
     */
    @Transactional
    public List<ImportOutcome> upsertAll(Owner owner, List<OfferingDraft> drafts, boolean dryRun) {
        return importer.upsertAll(owner, drafts, dryRun);
    }

    /**
     * Streams the offerings of {@code ownerOrNullForAll} (every owner's when {@code null}) as drafts, components
     * before the bundles that contain them, reading the database in batches (never everything in memory). A launched
     * offering with a change in review is exported as changed, so re-importing an export reports every row
     * {@code UNCHANGED}.
     */
    @Transactional(readOnly = true)
    public void exportAll(Owner ownerOrNullForAll, Consumer<OfferingDraft> sink) {
        exporter.exportAll(ownerOrNullForAll, sink);
    }
}

package io.accord.catalog.importjob;

import io.accord.catalog.offering.ImportOutcome;
import io.accord.catalog.offering.OfferingDraft;
import io.accord.catalog.offering.Offerings;
import io.accord.catalog.offering.Owner;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a chunk through the catalog's {@link Offerings#upsertAll}, in the runner's transaction: rows whose cells
 * cannot be read are invalid here, the others get the catalog's outcome, with its field errors named as the file
 * names them (column and line). An invalid row reports every problem it has: besides its unreadable cells, what the
 * catalog finds wrong with the cells that could be read (checked, never written), except what follows from a cell
 * left out.
 */
@Component
class OfferingRowImporter implements RowImporter {

    private static final Map<String, String> OFFERING_FIELDS = Map.of(
            "categoryCode", Columns.CATEGORY,
            "bundledOfferingExternalIds", Columns.BUNDLED_OFFERINGS,
            "specification.externalId", Columns.SPECIFICATION,
            "specification.name", Columns.SPECIFICATION_NAME,
            "specification.description", Columns.SPECIFICATION_DESCRIPTION,
            "specification.characteristics", Columns.CHARACTERISTICS,
            "specification.fulfilment.resourceTypes", Columns.RESOURCE_TYPES,
            "specification.fulfilment", Columns.RESOURCE_TYPES);
    private static final Map<String, String> PRICE_FIELDS = Map.of(
            "externalId", Columns.PRICE_EXTERNAL_ID,
            "name", Columns.PRICE_NAME,
            "type", Columns.PRICE_TYPE,
            "period", Columns.RECURRING_PERIOD,
            "roundingFirst", Columns.ROUNDING,
            "roundingNext", Columns.ROUNDING,
            "validFrom", Columns.PRICE_VALID_FROM);

    /**
     * The catalog's checks that depend on the offering's kind: when the kind cell cannot be read, they say nothing
     * about the row (a bundle read as a single offering lacks a specification).
     */
    private static final java.util.Set<String> KIND_DEPENDENT = java.util.Set.of("specification",
            "bundledOfferingExternalIds", "bundlePricing", "prices");

    private final Offerings offerings;

    OfferingRowImporter(Offerings offerings) {
        this.offerings = offerings;
    }

    @Override
    public List<RowResult> importRows(ImportJob job, List<ImportItem> items, boolean validateOnly) {
        Owner owner = job.owner() == null ? Owner.csp() : Owner.partner(job.owner().value());
        RowResult[] results = new RowResult[items.size()];
        List<OfferingDraft> drafts = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<OfferingDraft> unreadable = new ArrayList<>();
        List<Integer> unreadablePositions = new ArrayList<>();
        List<List<RowProblem>> cellProblems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ImportItem item = items.get(i);
            List<RowProblem> problems = new ArrayList<>(item.problems());
            OfferingDraft draft = DraftMapping.draft(item, problems);
            if (problems.isEmpty()) {
                drafts.add(draft);
                positions.add(i);
            } else if (item.offering().values().isEmpty()) {
                // not an offering at all (a JSON element that is no object): nothing else to check
                results[i] = new RowResult(item.row(), item.line(), item.externalId(), RowResult.INVALID, problems);
            } else {
                unreadable.add(draft);
                unreadablePositions.add(i);
                cellProblems.add(problems);
            }
        }
        if (!unreadable.isEmpty()) {
            // checked beside the chunk's readable rows (a bundle may name one of them), before any is written
            List<OfferingDraft> checked = new ArrayList<>(drafts);
            checked.addAll(unreadable);
            List<ImportOutcome> outcomes = offerings.upsertAll(owner, checked, true);
            for (int k = 0; k < unreadable.size(); k++) {
                ImportItem item = items.get(unreadablePositions.get(k));
                List<RowProblem> problems = cellProblems.get(k);
                List<RowProblem> found = List.copyOf(problems);
                boolean kindUnread = found.stream().anyMatch(p -> p.field().equals(item.offering()
                        .field(Columns.KIND)));
                for (ImportOutcome.FieldError error : outcomes.get(drafts.size() + k).errors()) {
                    RowProblem problem = problem(item, error);
                    boolean followsFromUnread = found.stream().anyMatch(p -> p.field().equals(problem.field())
                            && p.line() == problem.line())
                            || (kindUnread && KIND_DEPENDENT.contains(error.field()));
                    if (!followsFromUnread && !problems.contains(problem)) {
                        problems.add(problem);
                    }
                }
                results[unreadablePositions.get(k)] = new RowResult(item.row(), item.line(), item.externalId(),
                        RowResult.INVALID, problems);
            }
        }
        if (!drafts.isEmpty()) {
            List<ImportOutcome> outcomes = offerings.upsertAll(owner, drafts, validateOnly);
            for (int k = 0; k < outcomes.size(); k++) {
                ImportItem item = items.get(positions.get(k));
                ImportOutcome outcome = outcomes.get(k);
                List<RowProblem> problems = outcome.errors().stream().map(error -> problem(item, error)).toList();
                results[positions.get(k)] = new RowResult(item.row(), item.line(), item.externalId(),
                        outcome.result().name(), problems);
            }
        }
        return List.of(results);
    }

    /** The catalog names fields as its drafts do ({@code prices[0].period}); the file's names are its columns. */
    static RowProblem problem(ImportItem item, ImportOutcome.FieldError error) {
        String path = error.field() == null ? "" : error.field();
        if (path.startsWith(Columns.PRICES + "[")) {
            int close = path.indexOf(']');
            int index = parseIndex(path.substring(Columns.PRICES.length() + 1, close));
            if (index >= 0 && index < item.prices().size()) {
                Cells price = item.prices().get(index);
                String rest = close + 2 <= path.length() ? path.substring(Math.min(close + 2, path.length())) : "";
                String column = rest.isEmpty() ? Columns.PRICE_EXTERNAL_ID
                        : PRICE_FIELDS.getOrDefault(base(rest), base(rest));
                return new RowProblem(price.field(column), price.line(),
                        message(error, column, rest, renamed(PRICE_FIELDS, rest)));
            }
        }
        String column = OFFERING_FIELDS.entrySet().stream().filter(entry -> base(path).equals(entry.getKey())
                        || path.startsWith(entry.getKey() + "[") || path.startsWith(entry.getKey() + "."))
                .map(Map.Entry::getValue).findFirst().orElse(base(path));
        return new RowProblem(item.offering().field(column), item.line(),
                message(error, column, path, renamed(OFFERING_FIELDS, path)));
    }

    /**
     * Whether the path is exactly a field the file names by a column of its own ({@code externalId} of a price is
     * {@code priceExternalId}); not when parts of one cell are meant ({@code roundingFirst} of {@code rounding}).
     */
    private static boolean renamed(Map<String, String> columns, String path) {
        String column = columns.get(path);
        return column != null && java.util.Collections.frequency(columns.values(), column) == 1;
    }

    /** {@code tiers[1].from} → {@code tiers}, {@code specification.name} stays. */
    private static String base(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    /**
     * The catalog's message in the file's words: a field the file names otherwise is named by its column
     * ({@code priceExternalId is mandatory}, not {@code externalId is mandatory (externalId)}, which named no column
     * of the file); the catalog's exact path is kept when the column alone does not say which part is meant
     * ({@code tiers[1].from}).
     *
     * @param renamed whether the path is exactly a field the file calls by another name (its column)
     */
    private static String message(ImportOutcome.FieldError error, String column, String path, boolean renamed) {
        String message = error.message();
        if (renamed) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            return message.startsWith(name + " ") ? column + message.substring(name.length()) : message;
        }
        return path.equals(column) || path.isEmpty() ? message : message + " (" + path + ")";
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notAnIndex) {
            return -1;
        }
    }
}

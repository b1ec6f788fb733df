package io.accord.rating.model;

import io.accord.rating.engine.AgreementVersion;
import io.accord.rating.engine.ProductInstance;
import io.accord.rating.engine.RatingSnapshot;
import io.accord.rating.engine.UsagePriceVersion;
import io.accord.rating.model.ModelRows.AgreementRow;
import io.accord.rating.model.ModelRows.Everything;
import io.accord.rating.model.ModelRows.ProductChanges;
import io.accord.rating.model.ModelRows.ProductRow;
import io.accord.rating.model.PriceTimelines.EffectivePrice;
import io.accord.rating.model.SnapshotMapping.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link RatingSnapshot} from all rows, or derives one from the previous with the product rows changed
 * since; a row the engine rejects is left out and reported.
 */
final class SnapshotBuilder {

    /** The most problems kept for ops to read; the count covers all of them. */
    static final int MAX_PROBLEMS_KEPT = 100;

    private SnapshotBuilder() {
    }

    /**
     * A snapshot and what it reflects: the changes counted up to {@code revision}, of which those of prices, offerings
     * and agreements up to {@code structureRevision}.
     */
    record Built(RatingSnapshot snapshot, long revision, long structureRevision, int products, int prices,
                 int agreements, int problemCount, List<Problem> problems) {
    }

    /** Builds from every row: the products are mapped as they are read, one row in memory at a time. */
    static Built build(ModelRows source) {
        List<ProductInstance> products = new ArrayList<>();
        List<Problem> productProblems = new ArrayList<>();
        int[] productProblemCount = {0};
        Everything rows = source.everything(product -> {
            try {
                SnapshotMapping.product(product).ifPresent(products::add);
            } catch (RuntimeException rejected) {
                problem(productProblems, productProblemCount, "product", product.product().productId(), rejected);
            }
        });
        List<Problem> problems = new ArrayList<>();
        int[] problemCount = {0};
        List<UsagePriceVersion> prices = new ArrayList<>();
        for (EffectivePrice price : PriceTimelines.effective(rows.prices())) {
            try {
                prices.addAll(SnapshotMapping.prices(price));
            } catch (RuntimeException rejected) {
                problem(problems, problemCount, "price", price.row().price().priceVersionId(), rejected);
            }
        }
        List<AgreementVersion> agreements = new ArrayList<>();
        for (AgreementRow agreement : rows.agreements()) {
            try {
                SnapshotMapping.agreement(agreement).ifPresent(agreements::add);
            } catch (RuntimeException rejected) {
                problem(problems, problemCount, "agreement", agreement.agreementId(), rejected);
            }
        }
        // as before the products were streamed: prices' and agreements' problems first
        problemCount[0] += productProblemCount[0];
        productProblems.stream().limit(Math.max(0, MAX_PROBLEMS_KEPT - problems.size())).forEach(problems::add);
        RatingSnapshot snapshot = new RatingSnapshot(products, prices, agreements);
        return new Built(snapshot, rows.revisions().revision(), rows.revisions().structureRevision(),
                products.size(), prices.size(), agreements.size(), problemCount[0], List.copyOf(problems));
    }

    /**
     * {@code previous} with the product rows changed since it was built, when their revisions say that prices,
     * offerings and agreements did not change meanwhile; empty when the whole snapshot must be built instead (those
     * changed, or {@code previous} left out more problems than it kept, so that the count could not stay exact).
     */
    static Optional<Built> update(Built previous, ProductChanges changes) {
        if (changes.revisions().structureRevision() != previous.structureRevision()
                || previous.problemCount() > previous.problems().size()) {
            return Optional.empty();
        }
        Set<String> changedIds = new HashSet<>();
        changes.products().forEach(row -> changedIds.add(row.product().productId()));
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : previous.problems()) {
            if (!("product".equals(problem.kind()) && changedIds.contains(problem.id()))) {
                problems.add(problem);
            }
        }
        int[] problemCount = {problems.size()};
        List<ProductInstance> replaced = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (ProductRow product : changes.products()) {
            String id = product.product().productId();
            try {
                SnapshotMapping.product(product).ifPresentOrElse(replaced::add, () -> removed.add(id));
            } catch (RuntimeException rejected) {
                removed.add(id);
                problem(problems, problemCount, "product", id, rejected);
            }
        }
        RatingSnapshot snapshot = previous.snapshot().withInstances(replaced, removed);
        return Optional.of(new Built(snapshot, changes.revisions().revision(), previous.structureRevision(),
                snapshot.instanceCount(), previous.prices(), previous.agreements(), problemCount[0],
                List.copyOf(problems)));
    }

    private static void problem(List<Problem> problems, int[] count, String kind, String id, RuntimeException why) {
        count[0]++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new Problem(kind, id, why.getClass().getSimpleName() + ": " + why.getMessage()));
        }
    }
}

package io.accord.rating.model;

import io.accord.rating.engine.AgreementVersion;
import io.accord.rating.engine.ProductInstance;
import io.accord.rating.engine.RatingSnapshot;
import io.accord.rating.engine.UsagePriceVersion;
import io.accord.rating.model.ModelRows.AgreementRow;
import io.accord.rating.model.ModelRows.Everything;
import io.accord.rating.model.ModelRows.ProductRow;
import io.accord.rating.model.PriceTimelines.EffectivePrice;
import io.accord.rating.model.SnapshotMapping.Problem;

import java.util.ArrayList;
import java.util.List;

/** Builds a {@link RatingSnapshot} from all rows; a row the engine rejects is left out and reported. */
final class SnapshotBuilder {

    /** The most problems kept for ops to read; the count covers all of them. */
    static final int MAX_PROBLEMS_KEPT = 100;

    private SnapshotBuilder() {
    }

    record Built(RatingSnapshot snapshot, long revision, int products, int prices, int agreements,
                 int problemCount, List<Problem> problems) {
    }

    static Built build(Everything rows) {
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
        List<ProductInstance> products = new ArrayList<>();
        for (ProductRow product : rows.products()) {
            try {
                SnapshotMapping.product(product).ifPresent(products::add);
            } catch (RuntimeException rejected) {
                problem(problems, problemCount, "product", product.product().productId(), rejected);
            }
        }
        RatingSnapshot snapshot = new RatingSnapshot(products, prices, agreements);
        return new Built(snapshot, rows.revision(), products.size(), prices.size(), agreements.size(),
                problemCount[0], List.copyOf(problems));
    }

    private static void problem(List<Problem> problems, int[] count, String kind, String id, RuntimeException why) {
        count[0]++;
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(new Problem(kind, id, why.getClass().getSimpleName() + ": " + why.getMessage()));
        }
    }
}

package io.accord.rating.engine;

import java.util.List;

/**
 * The ids and versions a record was rated with, so that it can be reproduced.
 *
 * @param productInstanceId the product instance
 * @param offeringId        its offering
 * @param offeringVersion   the offering's version
 * @param priceVersionId    the usage price version
 * @param priceVersion      its version number
 * @param agreements        the agreement version of each partner involved, empty when none is
 * @param taxCategory       the usage price version's tax category, {@code null} when it names none (or the record
 *                          was rated before rating kept it)
 */
public record RatingBasis(String productInstanceId, String offeringId, int offeringVersion, String priceVersionId,
                          int priceVersion, List<AgreementRef> agreements, String taxCategory) {

    /** A basis without a tax category. */
    public RatingBasis(String productInstanceId, String offeringId, int offeringVersion, String priceVersionId,
                       int priceVersion, List<AgreementRef> agreements) {
        this(productInstanceId, offeringId, offeringVersion, priceVersionId, priceVersion, agreements, null);
    }

    /** A partner's agreement version used. */
    public record AgreementRef(String partnerId, String agreementId, int version) {
    }
}

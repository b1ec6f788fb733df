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
 */
public record RatingBasis(String productInstanceId, String offeringId, int offeringVersion, String priceVersionId,
                          int priceVersion, List<AgreementRef> agreements) {

    /** A partner's agreement version used. */
    public record AgreementRef(String partnerId, String agreementId, int version) {
    }
}

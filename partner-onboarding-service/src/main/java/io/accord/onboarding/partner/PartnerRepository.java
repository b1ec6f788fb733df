package io.accord.onboarding.partner;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface PartnerRepository extends JpaRepository<Partner, UUID>, JpaSpecificationExecutor<Partner> {

    List<Partner> findByTaxId(String taxId);

    List<Partner> findByNormalisedNameAndCountry(String normalisedName, String country);

    List<Partner> findByPossibleDuplicateOfIsNotNullOrderByCreatedAtAscIdAsc();

    List<Partner> findByIban(String iban);

    /** Partners with a contact person of this e-mail (any case): a data subject's access request. */
    @Query("""
            select p from Partner p where lower(p.commercial.email) = lower(:email)
              or lower(p.technical.email) = lower(:email) or lower(p.billing.email) = lower(:email)""")
    List<Partner> findByContactEmail(String email);

    List<Partner> findByAccountNumberAndBankCode(String accountNumber, String bankCode);
}

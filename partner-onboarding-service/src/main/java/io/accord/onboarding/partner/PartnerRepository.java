package io.accord.onboarding.partner;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;
import java.util.UUID;

interface PartnerRepository extends JpaRepository<Partner, UUID>, JpaSpecificationExecutor<Partner> {

    List<Partner> findByTaxId(String taxId);

    List<Partner> findByNormalisedNameAndCountry(String normalisedName, String country);

    List<Partner> findByPossibleDuplicateOfIsNotNullOrderByCreatedAtAscIdAsc();

    List<Partner> findByIban(String iban);

    List<Partner> findByAccountNumberAndBankCode(String accountNumber, String bankCode);
}

package io.accord.onboarding.check;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface DenylistRepository extends JpaRepository<DenylistedName, UUID> {

    Optional<DenylistedName> findByNormalisedName(String normalisedName);
}

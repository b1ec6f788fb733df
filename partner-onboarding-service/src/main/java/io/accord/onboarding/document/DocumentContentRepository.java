package io.accord.onboarding.document;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface DocumentContentRepository extends JpaRepository<DocumentContent, UUID> {
}

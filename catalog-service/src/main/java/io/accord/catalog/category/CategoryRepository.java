package io.accord.catalog.category;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface CategoryRepository extends JpaRepository<Category, UUID>, JpaSpecificationExecutor<Category> {

    Optional<Category> findByCode(String code);

    boolean existsByCode(String code);

    boolean existsByParentId(UUID parentId);

    boolean existsByParentIdAndLifecycleStatus(UUID parentId, String lifecycleStatus);

    List<Category> findByParentIdInOrderByCodeAsc(Collection<UUID> parentIds);
}

package io.accord.catalog.category;

import io.accord.catalog.category.CategoryResources.CategoryResource;
import io.accord.catalog.category.CategoryResources.ChangeCategory;
import io.accord.catalog.category.CategoryResources.CreateCategory;
import io.accord.catalog.category.CategoryResources.TimePeriod;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Staff shape the category tree; everyone reads it. Every write takes one transaction-scoped lock on the tree, so
 * two concurrent moves can never close a loop between them and a parent cannot vanish under a new child.
 */
@Service
class CategoryService {

    /** {@code pg_advisory_xact_lock} key of the category tree (any constant unique within the catalog database). */
    private static final long TREE_LOCK = 0x0ca7_e6a7L;
    private static final String RESOURCE = "category";

    private final CategoryRepository categories;
    private final List<CategoryUsage> usages;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    CategoryService(CategoryRepository categories, List<CategoryUsage> usages, AuditTrail audit,
                    ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.categories = categories;
        this.usages = usages;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    CategoryNode create(CreateCategory request) {
        lockTree();
        String code = CategoryCodes.codeFor(request.code(), request.name());
        if (categories.existsByCode(code)) {
            throw new ConflictException("Category code " + code + " is already used"
                    + (request.code() == null ? " (derived from the name); send a distinct code" : ""));
        }
        UUID parentId = parentOf(request.parentId(), request.isRoot());
        CategoryStatus status = request.lifecycleStatus() == null ? CategoryStatus.IN_STUDY
                : CategoryStatus.parse(request.lifecycleStatus(), "lifecycleStatus");
        if (parentId != null) {
            requireParentAccepts(parentId, status);
        }
        Category category = Category.create(code, details(request.name(), request.description(), request.validFor(),
                request.version()), parentId, status, clock.instant());
        categories.save(category);
        CategoryNode node = new CategoryNode(category, List.of());
        audit.record(null, RESOURCE, category.id().toString(), "created", null, node.resource());
        publish("CategoryCreateEvent", node.resource());
        return node;
    }

    /**
     * Applies the change {@code patch} makes of the category as it is now: read, patched and written under the tree
     * lock, so two patches of different attributes do not undo each other; 412 when {@code ifMatch} names another
     * ETag than the current one (the lock keeps its sub-categories as they are until the change commits).
     */
    @Transactional
    CategoryNode change(UUID id, IfMatch ifMatch, Function<CategoryResource, ChangeCategory> patch) {
        lockTree();
        Category category = find(id);
        CategoryNode current = node(category);
        ifMatch.check(current.tag(), "Category " + id);
        CategoryResource before = current.resource();
        ChangeCategory change = patch.apply(before);
        Instant now = clock.instant();
        boolean described = category.describe(details(change.name(), change.description(), change.validFor(),
                change.version()), now);
        boolean moved = move(category, parentOf(change.parentId(), change.isRoot()), now);
        CategoryStatus next = CategoryStatus.parse(change.lifecycleStatus(), "lifecycleStatus");
        requireTreeAllows(category, next);
        boolean restated = category.changeStatus(next, now);
        CategoryNode after = node(category);
        if (described || moved || restated) {
            categories.flush();
            audit.record(null, RESOURCE, id.toString(), "changed", before, after.resource());
            if (described || moved) {
                publish("CategoryAttributeValueChangeEvent", after.resource());
            }
            if (restated) {
                publish("CategoryStateChangeEvent", after.resource());
            }
        }
        return after;
    }

    /** 412 when {@code ifMatch} names another ETag than the current one. */
    @Transactional
    void delete(UUID id, IfMatch ifMatch) {
        lockTree();
        Category category = find(id);
        ifMatch.check(node(category).tag(), "Category " + id);
        category.requireDeletable();
        if (categories.existsByParentId(id)) {
            throw new ConflictException("Category " + category.code()
                    + " has sub-categories: delete or move them first");
        }
        for (CategoryUsage usage : usages) {
            usage.usage(category.ref()).ifPresent(reason -> {
                throw new ConflictException("Category " + category.code() + " is in use: " + reason);
            });
        }
        CategoryResource gone = node(category).resource();
        try {
            categories.delete(category);
            categories.flush();
        } catch (DataIntegrityViolationException referenced) {
            // a reference no CategoryUsage reported (a foreign key of a newer table) still keeps the category
            throw new ConflictException("Category " + category.code() + " is still referenced: retire it instead");
        }
        audit.record(null, RESOURCE, id.toString(), "deleted", gone, null);
        publish("CategoryDeleteEvent", gone);
    }

    @Transactional(readOnly = true)
    CategoryNode get(UUID id) {
        return node(find(id));
    }

    /** One page of categories with their sub-categories, read in one query for the whole page. */
    @Transactional(readOnly = true)
    Page<CategoryNode> list(Specification<Category> criteria, Pageable page) {
        Page<Category> found = categories.findAll(criteria, page);
        Map<UUID, List<Category>> children = found.isEmpty() ? Map.of() : categories
                .findByParentIdInOrderByCodeAsc(found.map(Category::id).toList()).stream()
                .collect(Collectors.groupingBy(Category::parentId));
        return found.map(category -> new CategoryNode(category, children.getOrDefault(category.id(), List.of())));
    }

    private boolean move(Category category, UUID newParent, Instant now) {
        if (newParent == null || newParent.equals(category.parentId())) {
            return category.moveUnder(newParent, now);
        }
        if (CategoryTree.wouldCreateCycle(category.id(), newParent,
                ancestor -> categories.findById(ancestor).map(Category::parentId))) {
            throw new ConflictException("Category " + category.code() + " cannot move below itself or one of its "
                    + "sub-categories");
        }
        requireParentAccepts(newParent, category.status());
        return category.moveUnder(newParent, now);
    }

    /** A launched category's parents are launched, so "launched" holds for the whole path to the root. */
    private void requireParentAccepts(UUID parentId, CategoryStatus childStatus) {
        Category parent = categories.findById(parentId).orElseThrow();
        if (parent.status() == CategoryStatus.OBSOLETE) {
            throw new ConflictException("Category " + parent.code() + " is Obsolete and takes no sub-categories");
        }
        if (childStatus == CategoryStatus.LAUNCHED && parent.status() != CategoryStatus.LAUNCHED) {
            throw new ConflictException("A launched category's parent must be launched; " + parent.code() + " is "
                    + parent.status().label());
        }
    }

    private void requireTreeAllows(Category category, CategoryStatus next) {
        if (next == category.status()) {
            return;
        }
        if (next == CategoryStatus.LAUNCHED && category.parentId() != null) {
            requireParentAccepts(category.parentId(), next);
        }
        if (category.status() == CategoryStatus.LAUNCHED
                && categories.existsByParentIdAndLifecycleStatus(category.id(), CategoryStatus.LAUNCHED.label())) {
            throw new ConflictException("Category " + category.code() + " has launched sub-categories: retire them "
                    + "first");
        }
    }

    /** The parent a request names: {@code isRoot} and {@code parentId} must agree; an unknown parent is a 400. */
    private UUID parentOf(String parentId, Boolean isRoot) {
        if (parentId == null) {
            if (Boolean.FALSE.equals(isRoot)) {
                throw new InvalidInputException("parentId", "a category that is not a root names its parentId");
            }
            return null;
        }
        if (Boolean.TRUE.equals(isRoot)) {
            throw new InvalidInputException("isRoot", "a root category has no parentId");
        }
        UUID id = CategoryFilter.uuid(parentId);
        if (id == null || !categories.existsById(id)) {
            throw new InvalidInputException("parentId", "no category " + parentId);
        }
        return id;
    }

    private static Category.Details details(String name, String description, TimePeriod validFor, String version) {
        Instant start = validFor == null ? null : instant(validFor.startDateTime());
        Instant end = validFor == null ? null : instant(validFor.endDateTime());
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("validFor.endDateTime", "validFor.endDateTime must be after its start");
        }
        return new Category.Details(name.strip(), description, start, end,
                version == null || version.isBlank() ? "1.0" : version.strip());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private Category find(UUID id) {
        return categories.findById(id).orElseThrow(() -> new NotFoundException("Category", id));
    }

    private CategoryNode node(Category category) {
        return new CategoryNode(category, categories.findByParentIdInOrderByCodeAsc(Set.of(category.id())));
    }

    private void lockTree() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", TREE_LOCK).query((row, number) -> 1).list();
    }

    /** Categories are public to every partner, so every subscriber may hear of every change. */
    private void publish(String eventType, CategoryResource resource) {
        events.publishEvent(new TmfEvent(eventType, RESOURCE, resource, Set.of(), true));
    }

    /** A category with its direct sub-categories: what the API shows. */
    record CategoryNode(Category category, List<Category> children) {

        CategoryResource resource() {
            return CategoryResource.of(category, children);
        }

        /**
         * Its ETag: the category's version, and the id and name of each sub-category it lists (in its order, by
         * code), which change without that version when a child is added, renamed, moved away or deleted. The code
         * a sub-category also shows never changes.
         */
        String tag() {
            return EntityTags.composite(category.version(), children.stream()
                    .flatMap(child -> Stream.of(child.id(), child.name())).toList());
        }
    }
}

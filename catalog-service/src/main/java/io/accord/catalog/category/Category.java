package io.accord.catalog.category;

import io.accord.platform.problem.ConflictException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A node of the category tree (TMF620 category). Offerings belong to one; revenue-share rules name its code. */
@Entity
@Table(name = "category")
class Category {

    @Id
    private UUID id;
    private String code;
    private String name;
    private String description;
    private UUID parentId;
    private String lifecycleStatus;
    private Instant validForStart;
    private Instant validForEnd;
    private String categoryVersion;
    private Instant createdAt;
    private Instant lastUpdate;
    @Version
    private long version;

    protected Category() {
    }

    /** What a category says about itself, apart from its place in the tree and its status. */
    record Details(String name, String description, Instant validForStart, Instant validForEnd, String version) {
    }

    static Category create(String code, Details details, UUID parentId, CategoryStatus status, Instant now) {
        if (status.compareTo(CategoryStatus.LAUNCHED) > 0) {
            throw new ConflictException("A new category starts before launch or launched, not " + status.label());
        }
        Category category = new Category();
        category.id = UUID.randomUUID();
        category.code = code;
        category.parentId = parentId;
        category.lifecycleStatus = status.label();
        category.apply(details);
        category.createdAt = now;
        category.lastUpdate = now;
        return category;
    }

    /** Changes name, description, validity and version label; false when nothing changed. */
    boolean describe(Details details, Instant now) {
        if (details.equals(details())) {
            return false;
        }
        apply(details);
        lastUpdate = now;
        return true;
    }

    /** Puts the category under {@code newParent} ({@code null}: a root); the caller has ruled out cycles. */
    boolean moveUnder(UUID newParent, Instant now) {
        if (Objects.equals(parentId, newParent)) {
            return false;
        }
        if (id.equals(newParent)) {
            throw new ConflictException("A category cannot be its own parent");
        }
        parentId = newParent;
        lastUpdate = now;
        return true;
    }

    /** A guarded lifecycle step: 409 naming both statuses when the step is not allowed. */
    boolean changeStatus(CategoryStatus next, Instant now) {
        CategoryStatus current = status();
        if (current == next) {
            return false;
        }
        if (!current.canBecome(next)) {
            throw new ConflictException("Category " + code + " is " + current.label() + " and cannot become "
                    + next.label() + (current == CategoryStatus.LAUNCHED ? "; retire it instead" : ""));
        }
        lifecycleStatus = next.label();
        lastUpdate = now;
        return true;
    }

    /** Only a never-launched category may go: offerings and revenue-share rules may name a launched one. */
    void requireDeletable() {
        if (!status().isPreLaunch()) {
            throw new ConflictException("Category " + code + " is " + status().label()
                    + ": only a category that was never launched can be deleted; retire it instead");
        }
    }

    private void apply(Details details) {
        name = details.name();
        description = details.description();
        validForStart = details.validForStart();
        validForEnd = details.validForEnd();
        categoryVersion = details.version();
    }

    Details details() {
        return new Details(name, description, validForStart, validForEnd, categoryVersion);
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    UUID parentId() {
        return parentId;
    }

    CategoryStatus status() {
        return CategoryStatus.ofLabel(lifecycleStatus);
    }

    String lifecycleStatus() {
        return lifecycleStatus;
    }

    Instant lastUpdate() {
        return lastUpdate;
    }

    /** The optimistic-lock version, which its TMF620 category's ETag starts with (see CategoryService.CategoryNode). */
    long version() {
        return version;
    }

    CategoryRef ref() {
        return new CategoryRef(id, code, name);
    }
}

package io.accord.catalog.category;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
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
    private Instant createdAt;
    private Instant lastUpdate;
    @Version
    private long version;

    protected Category() {
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

    String lifecycleStatus() {
        return lifecycleStatus;
    }

    CategoryRef ref() {
        return new CategoryRef(id, code, name);
    }
}

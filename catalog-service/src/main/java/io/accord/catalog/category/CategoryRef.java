package io.accord.catalog.category;

import java.util.UUID;

/** What other features know of a category: its id, the code agreements' revenue-share rules name, its name. */
public record CategoryRef(UUID id, String code, String name) {
}

package io.accord.orchestration.inventory;

import io.accord.platform.problem.NotFoundException;

import java.util.UUID;

/** Ids from the path: one of any other shape names no resource, so it is a 404 like an unknown one. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String resource, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            throw new NotFoundException(resource, id);
        }
    }
}

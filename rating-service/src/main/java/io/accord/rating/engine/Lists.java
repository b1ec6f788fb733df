package io.accord.rating.engine;

import java.util.List;

/** Immutable lists of a few elements without the defensive array copy of {@code List.of(E...)} for one or two. */
final class Lists {

    private Lists() {
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> of(T[] elements) {
        return switch (elements.length) {
            case 0 -> List.of();
            case 1 -> List.of(elements[0]);
            case 2 -> List.of(elements[0], elements[1]);
            default -> List.of(elements);
        };
    }
}

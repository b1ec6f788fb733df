package io.accord.orchestration.order;

import io.accord.platform.problem.InvalidInputException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An order's notes are an append-only log: who wrote what when stays as it was written. A client sends the note
 * list it wants (a merge patch replaces arrays whole): every kept note, named by its {@code id}, unchanged, and the
 * new notes without {@code id}. The service numbers a new note and writes its author (the caller) and date (now);
 * a client may repeat them only as they are. Anything else answers 400 naming the field: a kept note changed or
 * left out, an id the order has no note of, an author or date of a new note other than the service's.
 */
final class OrderNotes {

    private static final String APPEND_ONLY = "notes are an append-only log: send every note as it is (as GET shows "
            + "it), followed by the new notes without id, author or date";

    private OrderNotes() {
    }

    /** The log after a client asked for {@code wanted}: {@code kept} followed by the new notes, written now. */
    static List<ProductOrder.Note> appended(List<ProductOrder.Note> kept, List<ProductOrder.Note> wanted, String by,
                                            Instant at) {
        Map<String, ProductOrder.Note> byId = new LinkedHashMap<>();
        kept.forEach(note -> byId.put(note.id(), note));
        Set<String> named = new HashSet<>();
        List<ProductOrder.Note> log = new ArrayList<>(kept);
        for (int i = 0; i < wanted.size(); i++) {
            ProductOrder.Note note = wanted.get(i);
            String field = "note[" + i + "]";
            if (note.id() == null) {
                require(note.author() == null || note.author().equals(by), field + ".author", "a new note's author "
                        + "is the user who adds it (" + by + "), not '" + note.author() + "': leave it out");
                require(note.date() == null || note.date().equals(at), field + ".date", "a new note's date is the "
                        + "time it is added, set by the service: leave it out");
                log.add(new ProductOrder.Note(String.valueOf(log.size() + 1), by, at, note.text()));
                continue;
            }
            ProductOrder.Note stored = byId.get(note.id());
            require(stored != null, field + ".id", "the order has no note '" + note.id() + "'; a new note is sent "
                    + "without id (the service numbers it)");
            require(named.add(note.id()), field + ".id", "note '" + note.id() + "' is given twice");
            require(stored.text().equals(note.text()), field + ".text", unchanged(stored, "text"));
            require(note.author() == null || note.author().equals(stored.author()), field + ".author",
                    unchanged(stored, "author"));
            require(note.date() == null || note.date().equals(stored.date()), field + ".date",
                    unchanged(stored, "date"));
        }
        for (ProductOrder.Note note : kept) {
            require(named.contains(note.id()), "note", "note '" + note.id() + "' cannot be removed: " + APPEND_ONLY);
        }
        return log;
    }

    private static String unchanged(ProductOrder.Note stored, String attribute) {
        return "the " + attribute + " of note '" + stored.id() + "' cannot be changed: " + APPEND_ONLY;
    }

    private static void require(boolean rule, String field, String message) {
        if (!rule) {
            throw new InvalidInputException(field, message);
        }
    }
}

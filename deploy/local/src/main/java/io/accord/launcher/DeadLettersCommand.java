package io.accord.launcher;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./accord dlt SERVICE [list | show ID | replay ID...]}: a service's dead letters through its admin API
 * ({@code <api-base>/admin/dead-letters}, docs/runbook.md "Dead letters") at the gateway, as an ops user: a table of
 * them, one with its payload, or replays, each answered with what the service did. An id is
 * {@code <dlt-topic>-<partition>@<offset>}, as the table and the audit trail name a dead letter. Exit codes: 0 done,
 * 1 the platform or the dead letter is not there or a replay was refused, 2 a name or id that cannot be one.
 */
final class DeadLettersCommand {

    /** The services' {@code accord.platform.api-base-path}, by {@link ServiceSpec#key()}. */
    private static final Map<String, String> API_BASE_PATHS = Map.of("onboarding", "/api/onboarding",
            "catalog", "/api/catalog", "orchestration", "/api/orchestration", "rating", "/api/rating",
            "settlement", "/api/settlement", "dispute", "/api/disputes");
    private static final Pattern ID = Pattern.compile("([a-zA-Z0-9._-]{1,160})-(\\d{1,9})@(\\d{1,18})");
    private static final int PAGE = 1000;

    private record Id(String topic, int partition, long offset) {

        static Optional<Id> parse(String text) {
            Matcher matcher = ID.matcher(text);
            return matcher.matches() ? Optional.of(new Id(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Long.parseLong(matcher.group(3)))) : Optional.empty();
        }

        boolean names(JsonNode letter) {
            return letter.path("topic").asString().equals(topic) && letter.path("partition").asInt() == partition
                    && letter.path("offset").asLong() == offset;
        }
    }

    private final OpsApi api;
    private final PrintStream out;
    private final Clock clock;

    DeadLettersCommand(OpsApi api, PrintStream out, Clock clock) {
        this.api = api;
        this.out = out;
        this.clock = clock;
    }

    int run(String service, List<String> operands) {
        Optional<String> basePath = apiBasePath(service);
        if (basePath.isEmpty()) {
            out.println("unknown service " + service + "; services: " + ServiceSpec.SERVICES.stream()
                    .map(ServiceSpec::name).collect(Collectors.joining(", ")));
            return 2;
        }
        List<String> ids = operands.subList(1, operands.size());
        List<String> malformed = ids.stream().filter(id -> Id.parse(id).isEmpty()).toList();
        if (!malformed.isEmpty()) {
            out.println("not a dead letter id: " + String.join(", ", malformed) + "; an id is <dlt-topic>-<partition>"
                    + "@<offset>, e.g. settlement.events.v1.DLT-0@12, as ./accord dlt " + service + " list shows it");
            return 2;
        }
        String path = basePath.get() + "/admin/dead-letters";
        try {
            return switch (operands.getFirst()) {
                case "list" -> list(service, path);
                case "show" -> show(service, path, Id.parse(ids.getFirst()).orElseThrow(), ids.getFirst());
                default -> replay(service, path, ids);
            };
        } catch (OpsApi.Unreachable | OpsApi.LoginFailed | Refused failed) {
            out.println(failed.getMessage());
            return 1;
        }
    }

    /** A service's name as {@code ./accord logs} names it, or its key ({@code onboarding}, {@code dispute}). */
    static Optional<String> apiBasePath(String service) {
        return ServiceSpec.SERVICES.stream()
                .filter(spec -> spec.name().equals(service) || spec.key().equals(service))
                .findFirst().map(spec -> API_BASE_PATHS.get(spec.key()));
    }

    private int list(String service, String path) {
        List<JsonNode> letters = letters(service, path, "", null);
        if (letters.isEmpty()) {
            out.println("no dead letters of " + service + "'s consumers");
            return 0;
        }
        DeadLetterTable.print(letters, clock.instant(), out);
        out.println(letters.size() + " dead letter" + (letters.size() == 1 ? "" : "s") + " of " + service
                + "'s consumers; ./accord dlt " + service + " show ID for one with its payload");
        return 0;
    }

    private int show(String service, String path, Id id, String text) {
        Optional<JsonNode> letter = letters(service, path, "&payload=true&topic=" + id.topic(), id).stream()
                .filter(id::names).findFirst();
        if (letter.isEmpty()) {
            out.println("no dead letter " + text + " of " + service + "'s consumers (./accord dlt " + service
                    + " list shows them)");
            return 1;
        }
        DeadLetterTable.printOne(letter.get(), clock.instant(), out);
        return 0;
    }

    private int replay(String service, String path, List<String> ids) {
        boolean allReplayed = true;
        for (String text : ids) {
            Id id = Id.parse(text).orElseThrow();
            OpsApi.Answer answer = api.post(path + "/" + id.topic() + "/" + id.partition() + "/" + id.offset()
                    + "/replay");
            JsonNode replay = answer.json();
            String outcome = replay.path("outcome").asString();
            if (answer.ok() && outcome.equals("REPLAYED")) {
                out.println(text + "  REPLAYED to " + replay.path("replayedTo").asString());
            } else if (answer.ok() && outcome.equals("ALREADY_REPLAYED")) {
                out.println(text + "  ALREADY_REPLAYED at " + replay.path("replayedAt").asString() + " by "
                        + replay.path("replayedBy").asString() + " (not sent again)");
            } else {
                allReplayed = false;
                out.println(text + "  " + switch (answer.status()) {
                    case 404 -> "NOT FOUND: no such dead letter of " + service + "'s consumers";
                    case 409 -> "NOT REPLAYED: " + answer.detail();
                    default -> "FAILED: " + failure(service, answer);
                });
            }
        }
        return allReplayed ? 0 : 1;
    }

    /** All dead letters (of one topic), page by page; stops at the one {@code wanted} once it is there. */
    private List<JsonNode> letters(String service, String path, String filter, Id wanted) {
        List<JsonNode> letters = new ArrayList<>();
        while (true) {
            OpsApi.Answer page = api.get(path + "?limit=" + PAGE + "&offset=" + letters.size() + filter);
            if (page.status() == 400 && wanted != null) {
                return List.of();  // the topic is none of the service's dead-letter topics
            }
            if (!page.ok()) {
                throw new Refused(failure(service, page));
            }
            page.json().forEach(letters::add);
            if (page.json().isEmpty() || letters.size() >= page.header("X-Total-Count", letters.size())
                    || (wanted != null && letters.stream().anyMatch(wanted::names))) {
                return letters;
            }
        }
    }

    private String failure(String service, OpsApi.Answer answer) {
        return switch (answer.status()) {
            case 401, 403 -> api.settings().user() + " may not ask " + service + " for its dead letters ("
                    + answer.status() + ": " + answer.detail() + "); it needs the role ops or platform-admin";
            case 502, 503, 504 -> "the gateway cannot reach " + service + " (" + answer.status() + ": "
                    + answer.detail() + "); is it up? ./accord status " + service;
            default -> service + " answered " + answer.status() + ": " + answer.detail();
        };
    }

    static String age(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.toDays() > 0) {
            return age.toDays() + "d";
        }
        if (age.toHours() > 0) {
            return age.toHours() + "h";
        }
        return age.toMinutes() > 0 ? age.toMinutes() + "m" : Math.max(0, age.toSeconds()) + "s";
    }

    /** A refused listing: the message says why. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}

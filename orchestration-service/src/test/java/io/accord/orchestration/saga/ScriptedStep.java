package io.accord.orchestration.saga;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A step handler (type {@value #TYPE}) that answers what its payload scripts, call after call:
 * {@code {"name": "reserve", "execute": ["RETRY", "DONE"], "compensate": ["DONE"], "holdMillis": 0}}. Outcomes:
 * {@code DONE}, {@code RETRY}, {@code FAIL}, {@code WAIT} (2 s unless {@code "waitMillis"}), {@code THROW}; past
 * the end of a script its last outcome repeats; no script means DONE. It journals every call per saga
 * ({@code execute:reserve}, {@code compensate:reserve}) and notices a step run twice at the same time.
 */
public class ScriptedStep implements StepHandler {

    public static final String TYPE = "TEST_SCRIPTED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, AtomicInteger> callsByStep = new ConcurrentHashMap<>();
    private final Map<java.util.UUID, List<String>> journal = new ConcurrentHashMap<>();
    private final Set<java.util.UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final List<java.util.UUID> overlaps = Collections.synchronizedList(new ArrayList<>());

    /** A step definition running this handler with the given scripts. */
    public static StepDefinition step(String name, List<String> execute, List<String> compensate) {
        ObjectNode payload = JSON.createObjectNode().put("name", name);
        execute.forEach(payload.putArray("execute")::add);
        compensate.forEach(payload.putArray("compensate")::add);
        return StepDefinition.of(TYPE, payload);
    }

    /** A step that waits this long for its acknowledgement (and compensates fine). */
    public static StepDefinition waiting(String name, long waitMillis) {
        return with(step(name, List.of("WAIT"), List.of()), "waitMillis", waitMillis);
    }

    /** The same step with one more number in its payload. */
    public static StepDefinition with(StepDefinition step, String field, long value) {
        ObjectNode payload = ((ObjectNode) step.payload()).deepCopy().put(field, value);
        return new StepDefinition(step.type(), payload, step.maxAttempts(), step.firstBackoff(), step.maxBackoff());
    }

    public static StepDefinition done(String name) {
        return step(name, List.of("DONE"), List.of("DONE"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StepOutcome execute(StepContext step) {
        return answer(step, "execute");
    }

    @Override
    public StepOutcome compensate(StepContext step) {
        return answer(step, "compensate");
    }

    /** Every call for the saga in order, as {@code direction:name}. */
    public List<String> journal(java.util.UUID sagaId) {
        return List.copyOf(journal.getOrDefault(sagaId, List.of()));
    }

    /** How many times the step was executed (not compensated). */
    public int executions(java.util.UUID stepId) {
        AtomicInteger calls = callsByStep.get(stepId + ":execute");
        return calls == null ? 0 : calls.get();
    }

    /** Steps that were entered while already running somewhere: must stay empty. */
    public List<java.util.UUID> overlaps() {
        return List.copyOf(overlaps);
    }

    private StepOutcome answer(StepContext step, String direction) {
        if (!inFlight.add(step.stepId())) {
            overlaps.add(step.stepId());
        }
        try {
            int call = callsByStep.computeIfAbsent(step.stepId() + ":" + direction, key -> new AtomicInteger())
                    .getAndIncrement();
            journal.computeIfAbsent(step.sagaId(), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(direction + ":" + step.payload().path("name").asString());
            hold(step.payload().path("holdMillis").asLong(0));
            return outcome(script(step.payload().path(direction), call), step.payload());
        } finally {
            inFlight.remove(step.stepId());
        }
    }

    private static String script(JsonNode script, int call) {
        if (!script.isArray() || script.isEmpty()) {
            return "DONE";
        }
        return script.get(Math.min(call, script.size() - 1)).asString();
    }

    private static StepOutcome outcome(String scripted, JsonNode payload) {
        return switch (scripted) {
            case "DONE" -> StepOutcome.done();
            case "RETRY" -> StepOutcome.retry("scripted retryable failure");
            case "FAIL" -> StepOutcome.fail("scripted permanent failure");
            case "WAIT" -> StepOutcome.waitingForAck(Duration.ofMillis(payload.path("waitMillis").asLong(2000)));
            case "THROW" -> throw new IllegalStateException("scripted exception");
            default -> throw new IllegalArgumentException("unknown scripted outcome " + scripted);
        };
    }

    private static void hold(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package io.accord.orchestration.saga;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@link StepHandler} beans by step type; two handlers of one type stop the service at startup. */
@Component
class StepHandlers {

    private final Map<String, StepHandler> byType;

    StepHandlers(List<StepHandler> handlers) {
        this.byType = handlers.stream().collect(Collectors.toMap(StepHandler::type, Function.identity(),
                (one, other) -> {
                    throw new IllegalStateException("two step handlers of type " + one.type() + ": "
                            + one.getClass().getName() + " and " + other.getClass().getName());
                }));
    }

    /** The step types there is a handler of. */
    Set<String> types() {
        return byType.keySet();
    }

    Optional<StepHandler> of(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}

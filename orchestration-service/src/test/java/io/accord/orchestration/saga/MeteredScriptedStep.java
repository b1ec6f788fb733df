package io.accord.orchestration.saga;

import java.util.List;

/**
 * A {@link ScriptedStep} of a type of its own ({@value #TYPE}) that only {@code FalloutGaugesTests} starts, so the
 * fallout gauge of that type counts its sagas alone while other tests' sagas come and go.
 */
public class MeteredScriptedStep extends ScriptedStep {

    public static final String TYPE = "TEST_SCRIPTED_METERED";

    /** A step definition running this handler with the given scripts. */
    static StepDefinition metered(String name, List<String> execute, List<String> compensate) {
        StepDefinition scripted = step(name, execute, compensate);
        return new StepDefinition(TYPE, scripted.payload(), scripted.maxAttempts(), scripted.firstBackoff(),
                scripted.maxBackoff());
    }

    @Override
    public String type() {
        return TYPE;
    }
}

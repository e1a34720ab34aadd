package io.ticklake.analytics.run;

import io.ticklake.analytics.time.TimeRange;

/** Hears about a run's progress (the CLI prints it). */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    default void planned(BuildPlan plan) {
    }

    default void modelStarted(String model, TimeRange range) {
    }

    default void modelFinished(ModelResult result) {
    }

    default void message(String text) {
    }
}

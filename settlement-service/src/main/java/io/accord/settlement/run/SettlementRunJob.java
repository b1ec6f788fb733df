package io.accord.settlement.run;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works on the running settlement runs, one replica at a time (ShedLock): a run started on a replica that crashed
 * is picked up here and resumes with its periods not done yet.
 */
@Component
class SettlementRunJob {

    private final SettlementRuns runs;

    SettlementRunJob(SettlementRuns runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelayString = "${accord.settlement.runs.poll-interval:2s}")
    @SchedulerLock(name = "settlement-runs", lockAtMostFor = "PT30M")
    void workOnRunning() {
        runs.workOnRunning();
    }
}

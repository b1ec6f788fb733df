package io.accord.settlement.period;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Opens the due periods of partners with an agreement in force; one replica at a time (ShedLock). */
@Component
class PeriodOpeningJob {

    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String LOCK = "settlement-period-opening";
    private static final Logger log = LoggerFactory.getLogger(PeriodOpeningJob.class);

    private final SettlementPeriods periods;
    private final Clock clock;

    PeriodOpeningJob(SettlementPeriods periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${accord.settlement.periods.opening-interval:1m}")
    @SchedulerLock(name = LOCK)
    void openDue() {
        int opened = periods.openDuePeriods(clock.instant());
        if (opened > 0) {
            log.info("Opened {} settlement period(s)", opened);
        }
    }
}

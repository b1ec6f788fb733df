package io.accord.settlement.period;

import io.accord.platform.scheduling.RoundJob;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/** Opens the due periods of partners with an agreement in force; one replica at a time (ShedLock). */
@Component
class PeriodOpeningJob extends RoundJob {

    /** The job's lock name in the {@code shedlock} table, and its name in {@code job_item_failure}. */
    static final String LOCK = "settlement-period-opening";

    PeriodOpeningJob(SettlementPeriods periods, Clock clock) {
        super(clock, new Step("Opened {} settlement period(s)", periods::openDuePeriods));
    }

    /** One scheduled round: how many periods it opened, or empty if another replica holds the lock. */
    @Scheduled(fixedDelayString = "${accord.settlement.periods.opening-interval:1m}")
    @SchedulerLock(name = LOCK)
    Optional<Integer> openDue() {
        return scheduledRound();
    }
}

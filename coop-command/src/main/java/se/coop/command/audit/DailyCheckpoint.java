package se.coop.command.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.coop.api.BusinessTime;

/**
 * A checkpoint every day at {@code coop.checkpoints.daily-at} (Europe/Stockholm, 02:00 by default), taken once across
 * the nodes: a db-scheduler recurring task, registered on every node, run by whichever claims it.
 */
@Configuration(proxyBeanMethods = false)
class DailyCheckpoint {

    static final String TASK = "coop-daily-checkpoint";

    @Bean
    RecurringTask<Void> dailyCheckpointTask(
            Checkpoints checkpoints, @Value("${coop.checkpoints.daily-at:02:00}") LocalTime at) {
        return Tasks.recurring(TASK, Schedules.daily(BusinessTime.ZONE, at))
                .execute((instance, context) -> checkpoints.takeDaily());
    }
}

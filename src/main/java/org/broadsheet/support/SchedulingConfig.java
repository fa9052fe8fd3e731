package org.broadsheet.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (publishing at the set minute, retention, spam re-checks, index commits) belong to a serving
 * site. A jar command runs in its own short-lived context against the same database: it must not publish
 * articles or erase data on a timer half-way through an import, nor compete with it for the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("'${broadsheet.command:}'.isEmpty()")
class SchedulingConfig {
}

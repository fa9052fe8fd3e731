package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

class SchedulingConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(SchedulingConfig.class);

    @Test
    void theServingSiteRunsItsScheduledJobs() {
        context.run(c -> assertThat(c).hasSingleBean(ScheduledAnnotationBeanPostProcessor.class));
    }

    @Test
    void aJarCommandRunsNone() {
        context.withPropertyValues("broadsheet.command=import-wxr")
                .run(c -> assertThat(c).doesNotHaveBean(ScheduledAnnotationBeanPostProcessor.class));
    }
}

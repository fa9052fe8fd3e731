package org.broadsheet.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with a {@link MutableClock} that a test can move forward (scheduled
 * publishing, sign-in throttling, expiring links). Use with {@code @Import(MutableClockConfig.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfig {

    @Bean
    @Primary
    public MutableClock testClock() {
        return MutableClock.startingNow();
    }
}

package org.broadsheet.newsroom;

import java.util.List;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.broadsheet.article.ArticleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles when their minute comes. Checks several times a minute; ShedLock makes one
 * node of a cluster do it at a time, and the conditional update in {@link ArticleService#publishDue()}
 * publishes each article exactly once. Everything is in the database, so an article whose time passed while
 * the application was down goes out at the next start.
 */
@Component
class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleService articles;

    ScheduledPublisher(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(fixedDelayString = "${broadsheet.publish-check-interval:PT15S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "publish-scheduled-articles", lockAtMostFor = "PT5M")
    void publishDue() {
        List<Long> published = articles.publishDue();
        if (!published.isEmpty()) {
            log.info("Published scheduled articles {}", published);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
    static class Locks {
        @Bean
        LockProvider lockProvider(DataSource dataSource) {
            return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(new JdbcTemplate(dataSource))
                    .usingDbTime()
                    .build());
        }
    }
}

package org.broadsheet.support;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code broadsheet.data-dir} an absolute path before anything reads it. H2 refuses a database URL whose
 * file path is relative without a leading {@code ./} ("implicitly relative to the current working directory"),
 * so {@code --broadsheet.data-dir=site} failed at start with a stack trace while {@code ./site} worked; media,
 * the search index and the database now all resolve the same absolute directory, whichever form was given.
 * Runs after the configuration files are read (lowest precedence among post-processors).
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "broadsheet.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = absolute(configured);
        if (!absolute.equals(configured)) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("broadsheetDataDirectory", Map.of(PROPERTY, absolute)));
        }
    }

    static String absolute(String configured) {
        String home = System.getProperty("user.home");
        String expanded = configured.equals("~") || configured.startsWith("~/")
                ? home + configured.substring(1) : configured;
        return Path.of(expanded).toAbsolutePath().normalize().toString();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

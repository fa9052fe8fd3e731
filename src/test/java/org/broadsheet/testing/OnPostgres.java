package org.broadsheet.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Runs a Spring test class on the test {@link Postgres}, in a schema of its own that Flyway creates: the class is
 * skipped without PostgreSQL, or fails where CI requires it. Most such classes extend their H2 counterpart, so
 * the same tests run on both databases.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(OnPostgres.Required.class)
public @interface OnPostgres {

    /** Skips or fails the class before its tests when PostgreSQL is not there. */
    final class Required implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Postgres.require();
        }
    }

    /**
     * Puts the fresh schema's properties in front of the context's others (registered in
     * {@code META-INF/spring.factories}). Each annotated class gets its own context and schema, as the customizer
     * is equal only for the same class.
     */
    final class SchemaCustomizerFactory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            if (!TestContextAnnotationUtils.hasAnnotation(testClass, OnPostgres.class) || !Postgres.reachable()) {
                return null;
            }
            return new SchemaCustomizer(testClass);
        }
    }

    final class SchemaCustomizer implements ContextCustomizer {
        private final Class<?> testClass;

        SchemaCustomizer(Class<?> testClass) {
            this.testClass = testClass;
        }

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration merged) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("postgresTestSchema", Postgres.freshSchema()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SchemaCustomizer c && c.testClass == testClass;
        }

        @Override
        public int hashCode() {
            return Objects.hash(SchemaCustomizer.class, testClass);
        }
    }
}

package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Unknown names never reach the class loader: the JDK's loaders keep every name they are asked for, so
 * addresses a crawler makes up must not become lookups (the soak's heap growth).
 */
class ListedClasspathFilesTest {

    /** Counts the names it is asked for, then asks its parent. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger lookups = new AtomicInteger();

        CountingLoader() {
            super(ListedClasspathFilesTest.class.getClassLoader());
        }

        @Override
        public URL getResource(String name) {
            lookups.incrementAndGet();
            return super.getResource(name);
        }
    }

    @Test
    void listsTheFilesUnderItsDirectory() {
        assertThat(new ListedClasspathFiles("static/assets/").files()).contains("site.css", "editor.js", "media.js");
        assertThat(new ListedClasspathFiles("META-INF/resources/webjars/").files()).contains("htmx.org/2.0.4/dist/htmx.min.js");
    }

    @Test
    void resolvesListedFilesAndAnswersOthersWithoutAskingTheClassLoader() {
        CountingLoader loader = new CountingLoader();
        ListedClasspathFiles files = new ListedClasspathFiles("static/assets/", loader);
        List<Resource> locations = List.of(new ClassPathResource("static/assets/", loader));

        assertThat(files.resolveResource(null, "site.css", locations, null)).isNotNull();
        int afterKnown = loader.lookups.get();

        for (int i = 0; i < 10_000; i++) {
            assertThat(files.resolveResource(null, "no-such-" + i + ".css", locations, null)).isNull();
            assertThat(files.resolveResource(null, "no-such-page-" + i + "/", locations, null)).isNull();
        }
        assertThat(loader.lookups.get()).isEqualTo(afterKnown);
    }
}

package org.broadsheet.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Resolves only the files that were under a class-path directory when the application started (the stylesheet
 * and scripts, the htmx webjar); any other name is "not found" at once, without asking the class loader. The
 * JDK's class loaders remember every resource name they are asked for that lies outside a module, without a
 * bound, so looking up names taken from request addresses grew the heap with every address a crawler tried
 * (the soak, bench/README.md).
 */
final class ListedClasspathFiles extends PathResourceResolver {

    private final Set<String> files;

    /** {@code directory} as on the class path, e.g. {@code static/assets/}. */
    ListedClasspathFiles(String directory, ClassLoader loader) {
        this.files = Set.copyOf(list(directory.endsWith("/") ? directory : directory + "/", loader));
    }

    ListedClasspathFiles(String directory) {
        this(directory, ListedClasspathFiles.class.getClassLoader());
    }

    /** The files' paths relative to the directory. */
    Set<String> files() {
        return files;
    }

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
        return files.contains(resourcePath) ? super.getResource(resourcePath, location) : null;
    }

    private static Set<String> list(String directory, ClassLoader loader) {
        Set<String> out = new HashSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver(loader).getResources("classpath*:" + directory + "**")) {
                String url = r.getURL().toString();
                int at = url.lastIndexOf(directory);
                if (at >= 0 && !url.endsWith("/") && r.isReadable()) {
                    out.add(url.substring(at + directory.length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

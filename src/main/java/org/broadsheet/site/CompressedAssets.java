package org.broadsheet.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.support.Compression;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the stylesheet and scripts under {@code /assets/} as brotli or gzip to readers that accept it. Each
 * copy is made once, at brotli's and gzip's best settings, on the first request for it; the resource chain's
 * cache (keyed by the accepted codings) keeps it, so every later request sends stored bytes.
 */
class CompressedAssets implements ResourceResolver {

    private static final Set<String> TEXT = Set.of("css", "js", "svg", "txt", "json", "map");
    private static final int BROTLI_BEST = 11;

    @Override
    public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
                                    ResourceResolverChain chain) {
        Resource resource = chain.resolveResource(request, requestPath, locations);
        if (request == null || resource == null || !isText(resource)) {
            return resource;
        }
        // Pages name the fingerprinted address (site-3f2a….css), which may be kept forever; the plain one
        // (site.css) also resolves, and changes with the next release, so a cache must ask again each time.
        boolean fingerprinted = !requestPath.endsWith(String.valueOf(resource.getFilename()));
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        try {
            if (Compression.accepts(accept, Compression.BROTLI)) {
                byte[] brotli = Compression.brotli(resource.getContentAsByteArray(), BROTLI_BEST);
                if (brotli != null) {
                    return new Compressed(brotli, resource, Compression.BROTLI, fingerprinted);
                }
            }
            if (Compression.accepts(accept, Compression.GZIP)) {
                return new Compressed(Compression.gzip(resource.getContentAsByteArray()), resource, Compression.GZIP, fingerprinted);
            }
            // Shared caches must know that this address has compressed copies too.
            return new Compressed(resource.getContentAsByteArray(), resource, null, fingerprinted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }

    private static boolean isText(Resource resource) {
        String name = resource.getFilename();
        return name != null && TEXT.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * A copy in a content coding (null: the original bytes), named like the original so that its content type
     * is the original's.
     */
    private static final class Compressed extends ByteArrayResource implements HttpResource {

        private final Resource original;
        private final String coding;
        private final boolean fingerprinted;

        Compressed(byte[] bytes, Resource original, String coding, boolean fingerprinted) {
            super(bytes, original.getDescription() + (coding == null ? "" : " (" + coding + ")"));
            this.original = original;
            this.coding = coding;
            this.fingerprinted = fingerprinted;
        }

        @Override
        public String getFilename() {
            return original.getFilename();
        }

        @Override
        public long lastModified() throws IOException {
            return original.lastModified();
        }

        @Override
        public HttpHeaders getResponseHeaders() {
            HttpHeaders headers = new HttpHeaders();
            if (original instanceof HttpResource http) {
                headers.putAll(http.getResponseHeaders());
            }
            headers.set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (!fingerprinted) {
                // Replaces the handler's "immutable" (resource headers are applied after it); Last-Modified stays.
                headers.setCacheControl("no-cache");
            }
            if (coding == null) {
                return headers;
            }
            String etag = headers.getETag();
            if (etag != null && etag.endsWith("\"")) {
                headers.setETag(etag.substring(0, etag.length() - 1) + "-" + coding + "\"");
            }
            headers.set(HttpHeaders.CONTENT_ENCODING, coding);
            return headers;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}

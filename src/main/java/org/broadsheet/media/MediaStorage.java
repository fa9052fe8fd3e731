package org.broadsheet.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.broadsheet.support.BroadsheetProperties;
import org.springframework.stereotype.Component;

/**
 * Media files under {@code <data-dir>/media}, addressed by storage key ("2026/11/harbour-960.jpg").
 * Served at {@code /media/<key>}.
 */
@Component
public class MediaStorage {

    public static final String URL_PREFIX = "/media/";

    private final Path root;

    MediaStorage(BroadsheetProperties properties) {
        this.root = properties.mediaDir().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Writes the bytes atomically (a reader never sees half a file). */
    public void write(String key, byte[] bytes) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Storage key leaves the media directory: " + key);
        }
        return path;
    }

    public static String url(String key) {
        return URL_PREFIX + key;
    }

    /** Removes a stored file; a file already gone is fine. */
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }
}

package org.broadsheet.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.broadsheet.media.MediaStorage;
import org.broadsheet.support.BadRequestException;

/**
 * The media files of an archive being restored, unpacked into a folder beside the media folder before any row
 * is written: an entry named to land outside the media folder, a damaged file or a full disk then stops the
 * restore while the database is still empty. {@link #moveIntoPlace} is the transaction's last step; unless
 * {@link #keep} follows (the rows were committed), {@link #close} removes the files it moved, so a failed
 * restore leaves the instance as empty as it found it. A file already in the (otherwise empty) instance's
 * media folder under the same name, which no row refers to, is replaced.
 */
final class StagedMedia implements AutoCloseable {

    private record File(Path staged, Path target) {
    }

    private final Path staging;
    private final List<File> files = new ArrayList<>();
    private final List<Path> moved = new ArrayList<>();
    private boolean kept;

    private StagedMedia(Path staging) {
        this.staging = staging;
    }

    /** @throws BadRequestException naming the entry that cannot be restored, and why */
    static StagedMedia unpack(ZipFile zip, MediaStorage storage, String archiveName) throws IOException {
        Path root = storage.root();
        StagedMedia media;
        try {
            Files.createDirectories(root.getParent());
            // Beside the media folder, on the same disk, so that moving the files into place copies nothing.
            media = new StagedMedia(Files.createTempDirectory(root.getParent(), ".media-restore-"));
        } catch (IOException e) {
            throw new BadRequestException("cannot make a folder in " + root.getParent() + " to unpack "
                    + archiveName + "'s media into: " + reason(e) + "; nothing was restored.");
        }
        try {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith("media/")) {
                    media.unpack(zip, entry, storage, archiveName);
                }
            }
            return media;
        } catch (IOException | RuntimeException e) {
            media.close();
            throw e;
        }
    }

    private void unpack(ZipFile zip, ZipEntry entry, MediaStorage storage, String archiveName) throws IOException {
        String name = entry.getName();
        Path target;
        try {
            target = storage.resolve(name.substring("media/".length()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(archiveName + ": the entry " + name
                    + " would be written outside the media folder; nothing was restored.");
        }
        Path staged = staging.resolve(storage.root().relativize(target).toString());
        Files.createDirectories(staged.getParent());
        // The zip library does not compare a stored file with its checksum: a damaged file would be restored as is.
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            Files.copy(in, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (ZipException e) {
            throw damaged(archiveName, name, e.getMessage());
        } catch (IOException e) {
            throw new BadRequestException(archiveName + ": could not unpack " + name + " into " + staging + ": "
                    + reason(e) + "; nothing was restored.");
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw damaged(archiveName, name, "its checksum does not match its content");
        }
        files.add(new File(staged, target));
    }

    /** A full disk, a folder without permission: the system's reason, not only the path the JDK names. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
    }

    private static BadRequestException damaged(String archiveName, String entry, String why) {
        return new BadRequestException(archiveName + ": the entry " + entry + " is damaged (" + why
                + "); nothing was restored.");
    }

    long count() {
        return files.size();
    }

    /** Puts the unpacked files into the media folder; {@link #close} takes them out again unless {@link #keep}ed. */
    void moveIntoPlace() throws IOException {
        for (File file : files) {
            Files.createDirectories(file.target().getParent());
            boolean existed = Files.exists(file.target());
            Files.move(file.staged(), file.target(), StandardCopyOption.REPLACE_EXISTING);
            if (!existed) {
                moved.add(file.target());
            }
        }
    }

    /** The rows that refer to the files were committed: the files stay. */
    void keep() {
        kept = true;
    }

    @Override
    public void close() throws IOException {
        if (!kept) {
            for (Path file : moved) {
                Files.deleteIfExists(file);
            }
        }
        try (Stream<Path> left = Files.walk(staging)) {
            for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

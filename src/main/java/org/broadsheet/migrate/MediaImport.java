package org.broadsheet.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.broadsheet.media.MediaRejected;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.MediaStorage;
import org.springframework.web.util.UriUtils;

/**
 * Attachments of an import. A file found under {@code --media-dir} (the old site's {@code wp-content/uploads},
 * matched by the path its address gives it there: see {@link UploadAddresses}) is copied into Broadsheet's media
 * storage; otherwise the media row records the original address and pages show the image from there.
 */
final class MediaImport {

    private final String site;
    private final UploadAddresses addresses;
    private final ImportStore store;
    private final MediaStorage storage;
    private final MediaService media;
    private final Path mediaDir;
    private final ImportReport report;
    private final OffsetDateTime now;
    private final Map<String, Long> mediaIdByWpId = new ConcurrentHashMap<>();
    private final Map<String, String> urlByWpId = new ConcurrentHashMap<>();
    private final Map<String, List<String>> childrenByParent = new ConcurrentHashMap<>();
    private final Map<String, String> copied = new ConcurrentHashMap<>();
    /** Addresses of copies found from an earlier import, not copied by this one. */
    private final Set<String> earlier = ConcurrentHashMap.newKeySet();

    MediaImport(String site, UploadAddresses addresses, ImportStore store, MediaStorage storage, MediaService media,
                Path mediaDir, ImportReport report, OffsetDateTime now) {
        this.site = site;
        this.addresses = addresses;
        this.store = store;
        this.storage = storage;
        this.media = media;
        this.mediaDir = mediaDir == null ? null : mediaDir.toAbsolutePath().normalize();
        this.report = report;
        this.now = now;
    }

    void remember(Map<String, Long> attachments) {
        mediaIdByWpId.putAll(attachments);
    }

    Long mediaId(String wpId) {
        return wpId == null ? null : mediaIdByWpId.get(wpId.strip());
    }

    /** Addresses for the conversion of one post. */
    ContentConverter.Links links(String postId) {
        return new ContentConverter.Links() {
            @Override
            public String attachment(String wpId) {
                return urlByWpId.get(wpId);
            }

            @Override
            public List<String> gallery() {
                List<String> ids = childrenByParent.getOrDefault(postId, List.of());
                return ids.stream().map(urlByWpId::get).filter(u -> u != null).toList();
            }

            @Override
            public String localCopy(String url) {
                return MediaImport.this.localCopy(url);
            }
        };
    }

    /**
     * What an attachment's files became.
     *
     * @param file    the copy's address, or null when the file was not copied
     * @param resized the old addresses of WordPress's resized copies of it, each to its own copy here
     */
    record Copies(String file, Map<String, String> resized) {
    }

    /** Writes an attachment's media row, copying its file (and WordPress's resized copies) when it is in the media folder. */
    Copies attachment(Wxr.Item item) {
        String url = url(item);
        String wpId = item.postId();
        String alt = WxrFields.clip(item.meta("_wp_attachment_image_alt") == null ? "" : item.meta("_wp_attachment_image_alt"), 500);
        String caption = WxrFields.clip(WxrFields.text(item.excerpt()), 1000);
        Long existing = mediaIdByWpId.get(wpId);
        String local = localCopy(url);
        String fileName = WxrFields.clip(fileName(url), 300);
        long id;
        if (existing != null) {
            id = existing;
            store.updateMediaText(existing, alt, caption);
            if (local != null && store.mediaIsRemote(existing)) {
                // Imported before without its file (no --media-dir, or uploaded in the newsroom): the row takes the
                // copy now, or the lead image and the media library would go on showing the old site's.
                LocalFile f = localFile(local, wpId);
                store.useMediaFile(existing, f.key(), fileName, mime(fileName), f.width(), f.height(), f.bytes(), f.remoteUrl());
                report.tally("media files copied");
            }
            report.tally("attachments updated");
        } else {
            String mime = mime(fileName);
            if (local != null) {
                LocalFile f = localFile(local, wpId);
                id = store.insertMedia(f.key(), fileName, mime, f.width(), f.height(), f.bytes(), alt, caption, f.remoteUrl(), now);
                report.tally("media files copied");
            } else {
                id = store.insertMedia(WxrFields.clip("remote/" + site.replaceAll("[^A-Za-z0-9.-]+", "-") + "/" + wpId, 300),
                        fileName, mime, null, null, 0, alt, caption, WxrFields.clip(url, 2000), now);
                if (mediaDir != null && addresses.of(url) != null) {
                    report.warn("attachment " + wpId + ": " + url + " is not under the media folder; its address is kept");
                }
                report.tally("media kept at their old address");
            }
            if (!wpId.isBlank()) {
                store.putSource(site, "attachment", wpId, id);
                mediaIdByWpId.put(wpId, id);
            }
        }
        urlByWpId.put(wpId, local != null ? local : url);
        if (!item.parent().isBlank() && !"0".equals(item.parent())) {
            childrenByParent.computeIfAbsent(item.parent(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(wpId);
        }
        // A file copied by an earlier run keeps the resized copies that run gave it: they are not beside it here.
        return new Copies(local, local == null || earlier.contains(local) ? Map.of() : resized(item, url, id, local));
    }

    /**
     * A copied file's media columns. Its storage key, unless another attachment of the export has the same file
     * (a key is one row's): then a key of its own, with the copy as its address.
     */
    private LocalFile localFile(String local, String wpId) {
        String key = keyOf(local);
        Path file = storage.resolve(key);
        int[] size = dimensions(file);
        return store.mediaKeyExists(key)
                ? new LocalFile(key + "#" + wpId, orNull(size[0]), orNull(size[1]), sizeOf(file), local)
                : new LocalFile(key, orNull(size[0]), orNull(size[1]), sizeOf(file), null);
    }

    private record LocalFile(String key, Integer width, Integer height, long bytes, String remoteUrl) {
    }

    /**
     * The image's variants for {@code srcset}: the resized copies WordPress lists for it, copied from beside it in
     * the media folder, of which those that show the whole image, smaller (a cropped thumbnail is copied for its
     * old address, never offered in its place) — or, when it lists none of those, copies made here as an upload
     * gets them. Returns each WordPress copy's old address and new one.
     */
    private Map<String, String> resized(Wxr.Item item, String url, long mediaId, String local) {
        Map<String, String> moved = new LinkedHashMap<>();
        List<ImportStore.Variant> variants = wordPressCopies(item, url, local, moved);
        if (variants.isEmpty()) {
            variants = madeCopies(item, local);
        }
        store.replaceVariants(mediaId, variants);
        if (!moved.isEmpty()) {
            report.add("resized copies copied", moved.size());
        }
        return moved;
    }

    /** Copies the files WordPress lists in the attachment's metadata; returns those that are variants. */
    private List<ImportStore.Variant> wordPressCopies(Wxr.Item item, String url, String local, Map<String, String> moved) {
        String metadata = item.meta("_wp_attachment_metadata");
        if (metadata == null || metadata.isBlank()) {
            return List.of();
        }
        List<String> names;
        try {
            names = AttachmentSizes.fileNames(metadata);
        } catch (PhpSerialized.Malformed e) {
            report.warn("attachment " + item.postId() + ": its list of resized copies cannot be read (" + e.getMessage()
                    + "); resized copies are made from the file instead");
            return List.of();
        }
        String rel = inFolder(addresses.of(url));
        String folder = rel.substring(0, rel.lastIndexOf('/') + 1);
        String bareUrl = url.replaceAll("[?#].*$", "");
        String urlFolder = bareUrl.substring(0, bareUrl.lastIndexOf('/') + 1);
        int[] size = dimensions(storage.resolve(keyOf(local)));
        List<ImportStore.Variant> variants = new ArrayList<>();
        Set<Integer> widths = new HashSet<>();
        for (String name : names) {
            String copy = copy(folder + name);
            if (copy == null) {
                continue;
            }
            Path file = storage.resolve(keyOf(copy));
            int[] copySize = dimensions(file);
            if (copySize[0] < size[0] && AttachmentSizes.sameProportions(size[0], size[1], copySize[0], copySize[1])
                    && widths.add(copySize[0])) {
                variants.add(new ImportStore.Variant(copySize[0], copySize[1], keyOf(copy), mime(name), sizeOf(file)));
            }
            String oldPath = addresses.oldPath(urlFolder + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8));
            if (oldPath != null) {
                moved.put(oldPath, copy);
            }
        }
        variants.sort(Comparator.comparingInt(ImportStore.Variant::width));
        return variants;
    }

    /**
     * Resized copies made from a copied JPEG or PNG that came without usable ones (an upload folder copied without
     * WordPress's copies, a file added outside WordPress), so that pages do not send the full-size file to phones.
     * A file that cannot be decoded keeps none, with a warning; it is still imported and served.
     */
    private List<ImportStore.Variant> madeCopies(Wxr.Item item, String local) {
        String mime = mime(local);
        if (!"image/jpeg".equals(mime) && !"image/png".equals(mime)) {
            return List.of();
        }
        try {
            List<ImportStore.Variant> made = media.resizedCopiesOf(keyOf(local)).stream()
                    .map(c -> new ImportStore.Variant(c.width(), c.height(), c.storageKey(), c.mimeType(), c.byteSize()))
                    .toList();
            if (!made.isEmpty()) {
                report.tally("images given resized copies");
            }
            return made;
        } catch (MediaRejected | IOException e) {
            report.warn("attachment " + item.postId() + ": no resized copies could be made of " + local + " ("
                    + e.getMessage() + "); pages offer the full-size file alone");
            return List.of();
        }
    }

    private static String keyOf(String copyUrl) {
        return copyUrl.substring(MediaStorage.URL_PREFIX.length());
    }

    /** The path at which the old site served an attachment's file, or null (see {@link UploadAddresses#oldPath}). */
    String oldPath(Wxr.Item item) {
        return addresses.oldPath(url(item));
    }

    private static String url(Wxr.Item item) {
        return !item.attachmentUrl().isBlank() ? item.attachmentUrl() : item.guid();
    }

    /**
     * Copies an upload of the old site found under the media folder; returns its new address, or null. A file not
     * there — or every file, without a media folder (an import run again without one, a newsroom upload) — is
     * still found where an earlier import copied it, so that running the import again never sends articles back
     * to the old site's files.
     */
    String localCopy(String url) {
        if (url == null) {
            return null;
        }
        UploadAddresses.Upload upload = addresses.of(url);
        if (upload == null) {
            return null;
        }
        String known = copied.get(upload.key());
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        String local = mediaDir == null ? null : copy(inFolder(upload));
        if (local == null) {
            local = earlierCopy(upload);
        }
        copied.put(upload.key(), local == null ? "" : local);
        return local;
    }

    /** The copy of an upload that an earlier import made, where {@link #copy} puts it: a network site's first. */
    private String earlierCopy(UploadAddresses.Upload upload) {
        for (String rel : upload.networkSite() == null ? List.of(upload.path()) : List.of(upload.key(), upload.path())) {
            String key = "wp/" + rel;
            try {
                if (Files.isRegularFile(storage.resolve(key))) {
                    String local = MediaStorage.url(key);
                    earlier.add(local);
                    return local;
                }
            } catch (IllegalArgumentException e) {
                // a path that would leave the media storage, or that the file system cannot name: never copied
            }
        }
        return null;
    }

    /**
     * The upload's path in the folder given. A network's site keeps its uploads in {@code sites/N/}: the folder
     * given is the network's (which has {@code sites/}) or that site's own. Never both: the network's main site
     * has files of the same names at the top.
     */
    private String inFolder(UploadAddresses.Upload upload) {
        boolean network = upload.networkSite() != null && Files.isDirectory(mediaDir.resolve("sites"));
        return network ? upload.key() : upload.path();
    }

    private String copy(String rel) {
        Path source;
        try {
            source = mediaDir.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!source.startsWith(mediaDir) || !Files.isRegularFile(source)) {
            return null;
        }
        String key = "wp/" + rel;
        try {
            Path target = storage.resolve(key);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target) || Files.size(target) != Files.size(source)) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | IllegalArgumentException e) {
            report.warn("could not copy " + source.getFileName() + ": " + e.getMessage());
            return null;
        }
        return MediaStorage.url(key);
    }

    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? "file" : name;
    }

    private static String mime(String fileName) {
        String guess = URLConnection.guessContentTypeFromName(fileName.toLowerCase(java.util.Locale.ROOT));
        if (guess == null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".webp")) {
            return "image/webp";
        }
        return guess == null ? "application/octet-stream" : guess;
    }

    private static Integer orNull(int n) {
        return n <= 0 ? null : n;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Width and height from the image header, without decoding the pixels; nulls for other files. */
    private static int[] dimensions(Path file) {
        try (InputStream in = Files.newInputStream(file); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(iis);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not an image, or one ImageIO cannot read: stored without dimensions
        }
        return new int[] {0, 0};
    }
}

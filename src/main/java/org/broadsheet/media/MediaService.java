package org.broadsheet.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stored images and their resized copies. */
@Service
public class MediaService {

    private final MediaRepository repository;
    private final MediaStorage storage;
    private final ImageVariants variants;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReadMostly<Long, Image> kept;

    MediaService(MediaRepository repository, MediaStorage storage, ImageVariants variants, Clock clock,
                 ApplicationEventPublisher events, ReadMostlyCaches caches) {
        this.repository = repository;
        this.storage = storage;
        this.variants = variants;
        this.clock = clock;
        this.events = events;
        this.kept = caches.create(10_000);
    }

    /** The texts an image carries wherever it is used. */
    public record ImageText(String alt, String caption, String credit) {
    }

    public Optional<Image> image(long id) {
        return Optional.ofNullable(images(List.of(id)).get(id));
    }

    /**
     * Images by id, with their variants: kept in memory (lead images and portraits are on every page), else
     * read in two queries. Unknown ids are absent from the map.
     */
    public Map<Long, Image> images(Collection<Long> ids) {
        return kept.getAll(ids, this::read);
    }

    private Map<Long, Image> read(Collection<Long> ids) {
        List<MediaRow> rows = repository.findAll(ids);
        Map<Long, List<Image.Variant>> variantsById = new HashMap<>();
        for (MediaRepository.VariantRow v : repository.variantsOf(ids)) {
            variantsById.computeIfAbsent(v.mediaId(), k -> new java.util.ArrayList<>())
                    .add(new Image.Variant(MediaStorage.url(v.storageKey()), v.width(), v.height()));
        }
        Map<Long, Image> out = new HashMap<>();
        for (MediaRow row : rows) {
            String url = row.remoteUrl() != null ? row.remoteUrl() : MediaStorage.url(row.storageKey());
            out.put(row.id(), new Image(row.id(), url,
                    row.width() == null ? 0 : row.width(), row.height() == null ? 0 : row.height(),
                    row.altText(), row.caption(), row.credit(), variantsById.getOrDefault(row.id(), List.of())));
        }
        return out;
    }

    /**
     * Stores an image the application drew or decoded, with its resized copies.
     *
     * @param keyBase storage key without extension, e.g. "demo/harbour"
     * @param format  "jpeg" or "png"
     */
    @Transactional
    public Image store(BufferedImage image, String keyBase, String format, ImageText text) throws IOException {
        String ext = "png".equals(format) ? "png" : "jpg";
        String mime = "png".equals(format) ? "image/png" : "image/jpeg";
        byte[] original = ImageVariants.encode(image, format);
        String key = keyBase + "." + ext;
        storage.write(key, original);
        long id = repository.insert(key, key.substring(key.lastIndexOf('/') + 1), mime, image.getWidth(),
                image.getHeight(), original.length, text.alt(), text.caption(), text.credit(), OffsetDateTime.now(clock));
        for (ImageVariants.Encoded v : variants.variantsOf(image, format)) {
            String variantKey = keyBase + "-" + v.width() + "." + ext;
            storage.write(variantKey, v.bytes());
            repository.insertVariant(id, v.width(), v.height(), variantKey, mime, v.bytes().length);
        }
        return image(id).orElseThrow();
    }

    /** A resized copy written to storage, for the caller to record as a variant. */
    public record StoredCopy(int width, int height, String storageKey, String mimeType, long byteSize) {
    }

    /**
     * Resized copies of an image already in storage that came without any (an imported file for which WordPress
     * listed none), written beside it as {@code NAME.w480.jpg}, … — a form WordPress never gives its own copies
     * ({@code NAME-480x320.jpg}) — narrowest first. The same limits as an upload apply before decoding. Empty for
     * a GIF or WebP (a GIF would lose its animation) or an image no wider than the narrowest width.
     *
     * @throws MediaRejected when the file is too large or cannot be decoded
     */
    public List<StoredCopy> resizedCopiesOf(String key) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(storage.resolve(key));
        ImageChecks.Kind kind = ImageChecks.sniff(bytes);
        if (kind == ImageChecks.Kind.GIF || kind == ImageChecks.Kind.WEBP) {
            return List.of();
        }
        BufferedImage image = ImageChecks.decode(bytes); // refuses, with a message, what is no image at all
        String format = kind == ImageChecks.Kind.JPEG ? "jpeg" : "png";
        String mime = kind == ImageChecks.Kind.JPEG ? "image/jpeg" : "image/png";
        int dot = key.lastIndexOf('.');
        boolean hasExtension = dot > key.lastIndexOf('/');
        String base = hasExtension ? key.substring(0, dot) : key;
        String ext = hasExtension ? key.substring(dot) : (kind == ImageChecks.Kind.JPEG ? ".jpg" : ".png");
        List<StoredCopy> out = new java.util.ArrayList<>();
        for (ImageVariants.Encoded v : variants.variantsOf(image, format)) {
            String copyKey = base + ".w" + v.width() + ext;
            storage.write(copyKey, v.bytes());
            out.add(new StoredCopy(v.width(), v.height(), copyKey, mime, v.bytes().length));
        }
        return out;
    }

    /**
     * Takes an uploaded file: its type judged from its bytes, size and pixel limits checked before decoding,
     * EXIF orientation applied, and re-encoded, which drops every piece of metadata (camera, GPS location).
     * Variants for {@code srcset} are made once, here.
     *
     * @throws MediaRejected with a message for the person uploading
     */
    @Transactional
    public Image upload(byte[] bytes, String originalName, ImageText text) {
        BufferedImage image = ImageChecks.decode(bytes);
        ImageChecks.Kind kind = ImageChecks.sniff(bytes);
        String format = kind == ImageChecks.Kind.JPEG || (kind == ImageChecks.Kind.WEBP && !image.getColorModel().hasAlpha())
                ? "jpeg" : "png";
        String name = originalName == null ? "" : originalName.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]+$", "");
        String slug = org.broadsheet.support.Slugs.slugify(name);
        String random = org.broadsheet.account.AccountTokens.newToken().substring(0, 8).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        OffsetDateTime now = OffsetDateTime.now(clock);
        String keyBase = String.format("uploads/%04d/%02d/%s-%s", now.getYear(), now.getMonthValue(),
                slug.isEmpty() ? "image" : (slug.length() > 60 ? slug.substring(0, 60) : slug), random);
        try {
            return store(image, keyBase, format, new ImageText(limit(text.alt(), 500), limit(text.caption(), 1000), limit(text.credit(), 300)));
        } catch (IOException e) {
            throw new MediaRejected("The image could not be saved. Please try again.");
        }
    }

    /** The library, newest first. */
    public List<MediaItem> library(long offset, int limit) {
        List<MediaRow> rows = repository.page(offset, limit);
        Map<Long, Image> images = images(rows.stream().map(MediaRow::id).toList());
        return rows.stream().map(r -> item(r, images.get(r.id()))).toList();
    }

    public Optional<MediaItem> item(long id) {
        return repository.find(id).map(r -> item(r, image(id).orElse(null)));
    }

    public long count() {
        return repository.count();
    }

    @Transactional
    public void updateText(long id, ImageText text) {
        repository.find(id).orElseThrow(() -> new org.broadsheet.support.NotFoundException("There is no such image."));
        repository.updateText(id, limit(text.alt(), 500), limit(text.caption(), 1000), limit(text.credit(), 300));
        // Captions, credits and alt texts show wherever the image is used: on any page.
        events.publishEvent(new SiteWideChange("media"));
    }

    /**
     * Deletes an image and its files. The caller first makes sure no article uses it; a portrait of an
     * author is refused here.
     */
    @Transactional
    public void delete(long id) {
        MediaRow row = repository.find(id).orElseThrow(() -> new org.broadsheet.support.NotFoundException("There is no such image."));
        if (repository.usedByAuthors(id) > 0) {
            throw new MediaRejected("This image is an author's portrait; choose another portrait first.");
        }
        List<MediaRepository.VariantRow> variantRows = repository.variantsOf(List.of(id));
        repository.delete(id);
        try {
            storage.delete(row.storageKey());
            for (MediaRepository.VariantRow v : variantRows) {
                storage.delete(v.storageKey());
            }
        } catch (IOException e) {
            // The row is gone, so nothing links to the files; a leftover file only wastes space.
        }
        events.publishEvent(new SiteWideChange("media"));
    }

    /** The address fragment an article's Markdown contains when it shows this image. */
    public static String addressFragment(MediaItem item) {
        String url = item.url();
        int dot = url.lastIndexOf('.');
        return dot > 0 ? url.substring(0, dot) : url;
    }

    private static MediaItem item(MediaRow r, Image image) {
        String url = MediaStorage.url(r.storageKey());
        return new MediaItem(r.id(), r.fileName(), r.mimeType(), r.width() == null ? 0 : r.width(),
                r.height() == null ? 0 : r.height(), r.byteSize(), r.altText(), r.caption(), r.credit(), url,
                image == null ? url : image.urlFor(400), r.createdAt());
    }

    private static String limit(String s, int max) {
        String v = s == null ? "" : s.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }
}

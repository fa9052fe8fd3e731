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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stored images and their resized copies. */
@Service
public class MediaService {

    private final MediaRepository repository;
    private final MediaStorage storage;
    private final ImageVariants variants;
    private final Clock clock;

    MediaService(MediaRepository repository, MediaStorage storage, ImageVariants variants, Clock clock) {
        this.repository = repository;
        this.storage = storage;
        this.variants = variants;
        this.clock = clock;
    }

    /** The texts an image carries wherever it is used. */
    public record ImageText(String alt, String caption, String credit) {
    }

    public Optional<Image> image(long id) {
        return Optional.ofNullable(images(List.of(id)).get(id));
    }

    /** Images by id, with their variants, in two queries. Unknown ids are absent from the map. */
    public Map<Long, Image> images(Collection<Long> ids) {
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
}

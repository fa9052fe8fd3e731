package org.broadsheet.author;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.render.MarkdownRenderer;
import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Author profiles: who wrote what, with bio, affiliation and portrait. */
@Service
public class AuthorService {

    private final AuthorRepository repository;
    private final MediaService media;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReadMostly<Long, Author> kept;

    AuthorService(AuthorRepository repository, MediaService media, MarkdownRenderer markdown, Clock clock,
                  ApplicationEventPublisher events, ReadMostlyCaches caches) {
        this.repository = repository;
        this.media = media;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
        this.kept = caches.create(10_000);
    }

    /** What a new profile needs; the bio is Markdown. */
    public record NewAuthor(String slug, String name, String credentials, String affiliation, String bioMarkdown,
                            Long photoMediaId, String email, List<Author.Link> links) {
    }

    /**
     * Authors by id, with portraits and links: kept in memory (bylines and bio boxes are on every article
     * page), else read in a fixed number of queries.
     */
    public Map<Long, Author> byIds(Collection<Long> ids) {
        return kept.getAll(ids, missing -> assemble(repository.findAll(missing)));
    }

    public Optional<Author> bySlug(String slug) {
        return repository.findBySlug(slug).map(row -> assemble(List.of(row)).get(row.id()));
    }

    public List<Author> all() {
        return new ArrayList<>(assemble(repository.findAllOrdered()).values());
    }

    @Transactional
    public long create(NewAuthor a) {
        long id = repository.insert(a.slug(), a.name(), a.credentials(), a.affiliation(), a.bioMarkdown(),
                markdown.render(a.bioMarkdown()), a.photoMediaId(), a.email(), OffsetDateTime.now(clock));
        int position = 0;
        for (Author.Link link : a.links()) {
            repository.insertLink(id, position++, link.label(), link.url());
        }
        events.publishEvent(new AuthorChanged(id));
        return id;
    }

    /** A profile's editable fields (the bio as Markdown), for the newsroom's form. */
    public Optional<NewAuthor> editable(long id) {
        return repository.find(id).map(row -> new NewAuthor(row.slug(), row.name(), row.credentials(), row.affiliation(),
                row.bioMd(), row.photoMediaId(), row.email(), repository.linksOf(List.of(id)).stream()
                .map(l -> new Author.Link(l.label(), l.url())).toList()));
    }

    /** Replaces a profile's fields and links; the bio is rendered from Markdown here. */
    @Transactional
    public void update(long id, NewAuthor a) {
        repository.update(id, a.slug(), a.name(), a.credentials(), a.affiliation(), a.bioMarkdown(),
                markdown.render(a.bioMarkdown()), a.photoMediaId(), a.email(), OffsetDateTime.now(clock));
        repository.deleteLinks(id);
        int position = 0;
        for (Author.Link link : a.links()) {
            repository.insertLink(id, position++, link.label(), link.url());
        }
        events.publishEvent(new AuthorChanged(id));
    }

    private Map<Long, Author> assemble(List<AuthorRepository.AuthorRow> rows) {
        List<Long> ids = rows.stream().map(AuthorRepository.AuthorRow::id).toList();
        Map<Long, Image> photos = media.images(rows.stream().map(AuthorRepository.AuthorRow::photoMediaId)
                .filter(Objects::nonNull).toList());
        Map<Long, List<Author.Link>> links = new HashMap<>();
        for (AuthorRepository.LinkRow link : repository.linksOf(ids)) {
            links.computeIfAbsent(link.authorId(), k -> new ArrayList<>()).add(new Author.Link(link.label(), link.url()));
        }
        Map<Long, Author> out = new LinkedHashMap<>();
        for (AuthorRepository.AuthorRow row : rows) {
            out.put(row.id(), new Author(row.id(), row.slug(), row.name(), row.credentials(), row.affiliation(),
                    row.bioHtml(), row.photoMediaId() == null ? null : photos.get(row.photoMediaId()),
                    links.getOrDefault(row.id(), List.of())));
        }
        return out;
    }
}

package org.broadsheet.feed;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.ArticleContent;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.author.Author;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;

/**
 * Atom (RFC 4287): feed with id, title, updated, self and alternate links and an author; entries with a
 * permanent id, title, updated and published (RFC 3339), authors, an alternate link, the standfirst as
 * summary, the whole article as HTML content when the site gives full text, and the lead image as an
 * enclosure link.
 */
final class AtomWriter {

    static final String NS = "http://www.w3.org/2005/Atom";

    byte[] write(Feed feed, OffsetDateTime fallbackUpdated) {
        return FeedXml.write(xml -> {
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, "feed");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
            FeedXml.element(xml, NS, "id", feed.selfUrl());
            text(xml, "title", feed.title());
            text(xml, "subtitle", feed.description());
            FeedXml.element(xml, NS, "updated", date(feed.updated() == null ? fallbackUpdated : feed.updated(), feed));
            link(xml, "self", feed.selfUrl(), "application/atom+xml");
            link(xml, "alternate", feed.pageUrl(), "text/html");
            xml.writeStartElement(NS, "author");
            FeedXml.element(xml, NS, "name", feed.title());
            xml.writeEndElement();
            xml.writeStartElement(NS, "generator");
            xml.writeCharacters("Broadsheet");
            xml.writeEndElement();
            for (ArticleContent a : feed.entries()) {
                entry(xml, feed, a);
            }
            xml.writeEndElement();
        });
    }

    private void entry(XMLStreamWriter xml, Feed feed, ArticleContent a) throws XMLStreamException {
        String path = ArticleUrls.of(a.publishedAt(), a.slug(), feed.zone());
        xml.writeStartElement(NS, "entry");
        if (!a.language().equals(feed.language())) {
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", a.language());
        }
        FeedXml.element(xml, NS, "id", feed.guid(a));
        text(xml, "title", a.title());
        FeedXml.element(xml, NS, "published", date(a.publishedAt(), feed));
        FeedXml.element(xml, NS, "updated", date(a.updatedAt().isBefore(a.publishedAt()) ? a.publishedAt() : a.updatedAt(), feed));
        for (Author author : a.authors()) {
            xml.writeStartElement(NS, "author");
            FeedXml.element(xml, NS, "name", author.name());
            FeedXml.element(xml, NS, "uri", feed.baseUrl() + author.url());
            xml.writeEndElement();
        }
        if (a.authors().isEmpty()) {
            xml.writeStartElement(NS, "author");
            FeedXml.element(xml, NS, "name", feed.title());
            xml.writeEndElement();
        }
        link(xml, "alternate", feed.baseUrl() + path, "text/html");
        for (Section s : a.sections()) {
            category(xml, feed.baseUrl() + s.url(), s.fullName());
        }
        for (Tag t : a.tags()) {
            category(xml, feed.baseUrl() + t.url(), t.name());
        }
        if (a.lead() != null) {
            String url = feed.baseUrl() + a.lead().urlFor(960);
            xml.writeEmptyElement(NS, "link");
            xml.writeAttribute("rel", "enclosure");
            xml.writeAttribute("href", url);
            xml.writeAttribute("type", FeedXml.mimeType(url));
        }
        text(xml, "summary", a.standfirst().isBlank() ? a.title() : a.standfirst());
        if (feed.fullText()) {
            xml.writeStartElement(NS, "content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(FeedXml.absoluteHtml(a, feed.baseUrl(), path));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void category(XMLStreamWriter xml, String scheme, String label) throws XMLStreamException {
        xml.writeEmptyElement(NS, "category");
        xml.writeAttribute("term", FeedXml.clean(label));
        xml.writeAttribute("scheme", scheme.substring(0, scheme.lastIndexOf('/', scheme.length() - 2) + 1));
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeAttribute("type", "text");
        xml.writeCharacters(FeedXml.clean(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(NS, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String date(OffsetDateTime t, Feed feed) {
        return t.atZoneSameInstant(feed.zone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}

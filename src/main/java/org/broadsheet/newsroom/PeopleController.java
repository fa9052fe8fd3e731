package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffPolicy;
import org.broadsheet.account.StaffUser;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.media.MediaService;
import org.broadsheet.render.MarkdownRenderer;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.Slugs;
import org.broadsheet.syndication.PartnerService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors manage author profiles (bio in Markdown, affiliation, portrait, links) and syndication partners. */
@Controller
class PeopleController {

    private final AuthorService authors;
    private final PartnerService partners;
    private final MediaService media;
    private final StaffPolicy policy;
    private final MarkdownRenderer markdown;

    PeopleController(AuthorService authors, PartnerService partners, MediaService media, StaffPolicy policy,
                     MarkdownRenderer markdown) {
        this.authors = authors;
        this.partners = partners;
        this.media = media;
        this.policy = policy;
        this.markdown = markdown;
    }

    @GetMapping("/newsroom/authors/")
    String authors(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String notice,
                   @RequestParam(defaultValue = "") String error, Model model) {
        policy.require(user, StaffAction.MANAGE_AUTHORS);
        model.addAttribute("page", new PeoplePages.Authors(authors.all().stream()
                .map(a -> new PeoplePages.AuthorRow(a.id(), a.name(), a.affiliation(), a.url())).toList(), notice, error));
        return "newsroom/authors";
    }

    @GetMapping("/newsroom/authors/{id}/")
    String author(@AuthenticationPrincipal StaffUser user, @PathVariable String id, Model model) {
        policy.require(user, StaffAction.MANAGE_AUTHORS);
        if ("new".equals(id)) {
            model.addAttribute("page", form(0, new AuthorService.NewAuthor("", "", "", "", "", null, "", List.of()), ""));
        } else {
            long authorId = TaxonomyController.id(id);
            model.addAttribute("page", form(authorId, authors.editable(authorId)
                    .orElseThrow(() -> new NotFoundException("There is no such author.")), ""));
        }
        return "newsroom/author";
    }

    @PostMapping("/newsroom/authors/{id}/")
    String saveAuthor(@AuthenticationPrincipal StaffUser user, @PathVariable String id,
                      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
                      @RequestParam(defaultValue = "") String credentials, @RequestParam(defaultValue = "") String affiliation,
                      @RequestParam(defaultValue = "") String bio, @RequestParam(defaultValue = "") String photoMediaId,
                      @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String links,
                      Model model, HttpServletResponse response) {
        policy.require(user, StaffAction.MANAGE_AUTHORS);
        long authorId = "new".equals(id) ? 0 : TaxonomyController.id(id);
        if (authorId != 0 && authors.editable(authorId).isEmpty()) {
            throw new NotFoundException("There is no such author.");
        }
        String theSlug = slug.isBlank() ? Slugs.slugify(name) : slug.strip();
        List<Author.Link> parsedLinks = new ArrayList<>();
        AuthorService.NewAuthor fields;
        try {
            for (String line : links.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\\|", 2);
                String url = parts.length == 2 ? parts[1].strip() : parts[0].strip();
                if (!url.matches("(?i)https?://\\S+")) {
                    throw new BadRequestException("Each link is \u201cLabel | https://\u2026\u201d on a line of its own; \u201c" + line.strip() + "\u201d is not.");
                }
                String label = parts.length == 2 ? parts[0].strip() : url;
                if (label.length() > 200 || url.length() > 2000) {
                    throw new BadRequestException("A link is too long (a label of 200 and an address of 2000 characters at most).");
                }
                parsedLinks.add(new Author.Link(label, url));
            }
            if (name.isBlank()) {
                throw new BadRequestException("Give the author's name.");
            }
            Slugs.require(theSlug);
            TaxonomyController.limit(name, 200, "The name");
            TaxonomyController.limit(credentials, 300, "The credentials field");
            TaxonomyController.limit(affiliation, 300, "The affiliation");
            TaxonomyController.limit(bio, 10_000, "The bio");
            if (markdown.render(bio).length() > 20_000) {
                // The bio is kept as HTML too, in a column of 20,000 characters.
                throw new BadRequestException("The bio is too long once formatted (it has many characters such as & or < "
                        + "that take more room in HTML); shorten it.");
            }
            if (!email.isBlank() && !AccountService.isEmailAddress(email.strip())) {
                throw new BadRequestException("\u201c" + email.strip() + "\u201d is not an email address.");
            }
            Long photo = TaxonomyController.id(photoMediaId);
            if (photo != null && media.image(photo).isEmpty()) {
                throw new BadRequestException("That portrait is no longer in the media library; choose another.");
            }
            fields = new AuthorService.NewAuthor(theSlug, name.strip(), credentials.strip(), affiliation.strip(), bio,
                    photo, email.isBlank() ? null : email.strip(), parsedLinks);
            if (authorId == 0) {
                authorId = authors.create(fields);
            } else {
                authors.update(authorId, fields);
            }
        } catch (BadRequestException | DataIntegrityViolationException e) {
            response.setStatus(422);
            String message = e instanceof BadRequestException ? e.getMessage()
                    : TaxonomyController.refusal((DataIntegrityViolationException) e,
                            "Another author already uses the address \u201c" + theSlug + "\u201d.");
            model.addAttribute("page", form(authorId, new AuthorService.NewAuthor(theSlug, name, credentials, affiliation, bio,
                    null, email, parsedLinks), message, photoMediaId, links));
            return "newsroom/author";
        }
        return "redirect:/newsroom/authors/?notice=Saved.";
    }

    private PeoplePages.AuthorEdit form(long id, AuthorService.NewAuthor a, String error) {
        return form(id, a, error, a.photoMediaId() == null ? "" : a.photoMediaId().toString(),
                a.links().stream().map(l -> l.label() + " | " + l.url()).collect(Collectors.joining("\n")));
    }

    private PeoplePages.AuthorEdit form(long id, AuthorService.NewAuthor a, String error, String photo, String links) {
        List<Option> images = media.library(0, 300).stream().map(m -> new Option(String.valueOf(m.id()), m.fileName())).toList();
        return new PeoplePages.AuthorEdit(id, a.name(), a.slug(), a.credentials(), a.affiliation(), a.bioMarkdown(), photo,
                a.email() == null ? "" : a.email(), links, images, error);
    }

    @GetMapping("/newsroom/partners/")
    String partners(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String notice,
                    @RequestParam(defaultValue = "") String error, Model model) {
        policy.require(user, StaffAction.MANAGE_PARTNERS);
        model.addAttribute("page", new PeoplePages.Partners(partners.all(), notice, error));
        return "newsroom/partners";
    }

    @PostMapping("/newsroom/partners/{id}")
    String savePartner(@AuthenticationPrincipal StaffUser user, @PathVariable String id, @RequestParam(defaultValue = "") String name,
                       @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String url,
                       @RequestParam(defaultValue = "") String permissionNote, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_PARTNERS);
        return TaxonomyController.outcome(redirect, "/newsroom/partners/", "Partner saved.", () -> {
            String theSlug = slug.isBlank() ? Slugs.slugify(name) : slug.strip();
            if (name.isBlank()) {
                throw new BadRequestException("Give the partner's name.");
            }
            Slugs.require(theSlug);
            if (!url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
                throw new BadRequestException("The partner's web address must start with http:// or https://.");
            }
            TaxonomyController.limit(name, 300, "The partner's name");
            TaxonomyController.limit(url, 2000, "The partner's web address");
            TaxonomyController.limit(permissionNote, 2000, "The permission note");
            if (!"new".equals(id) && partners.find(TaxonomyController.id(id)).isEmpty()) {
                throw new NotFoundException("There is no such partner.");
            }
            if ("new".equals(id)) {
                partners.create(theSlug, name.strip(), url.strip(), permissionNote.strip());
            } else {
                partners.update(TaxonomyController.id(id), theSlug, name.strip(), url.strip(), permissionNote.strip());
            }
        });
    }
}

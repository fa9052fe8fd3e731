package org.broadsheet.newsroom;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffPolicy;
import org.broadsheet.account.StaffUser;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.Slugs;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Editors manage the section tree (create, rename, move, reorder) and tags (rename, merge). */
@Controller
class TaxonomyController {

    private final TaxonomyService taxonomy;
    private final StaffPolicy policy;

    TaxonomyController(TaxonomyService taxonomy, StaffPolicy policy) {
        this.taxonomy = taxonomy;
        this.policy = policy;
    }

    @GetMapping("/newsroom/sections/")
    String sections(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String notice,
                    @RequestParam(defaultValue = "") String error, Model model) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        List<TaxonomyPages.SectionRow> rows = taxonomy.sections().stream().map(s -> new TaxonomyPages.SectionRow(s.id(),
                s.name(), s.slug(), s.path(), s.description(), s.parentId() == null ? "" : s.parentId().toString(),
                s.trail().size() - 1, s.url())).toList();
        List<Option> parents = new ArrayList<>();
        parents.add(new Option("", "(top level)"));
        taxonomy.sections().forEach(s -> parents.add(new Option(String.valueOf(s.id()), s.name(), s.trail().size() - 1)));
        model.addAttribute("page", new TaxonomyPages.Sections(rows, parents, notice, error));
        return "newsroom/sections";
    }

    @PostMapping("/newsroom/sections/")
    String createSection(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String parentId,
                         @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        return outcome(redirect, "/newsroom/sections/", "Section created.", () -> {
            if (name.isBlank()) {
                throw new BadRequestException("Give the section a name.");
            }
            limit(name, 200, "The section's name");
            limit(description, 2000, "The section's description");
            String theSlug = slug.isBlank() ? Slugs.slugify(name) : slug.strip();
            Long parent = id(parentId);
            Section parentSection = parent == null ? null : taxonomy.sectionsByIds(List.of(parent)).get(parent);
            if (parent != null && parentSection == null) {
                throw new BadRequestException(TaxonomyService.NO_SUCH_PARENT);
            }
            String path = parentSection == null ? theSlug : parentSection.path() + "/" + theSlug;
            Slugs.require(theSlug);
            if (taxonomy.sectionByPath(path).isPresent()) {
                throw new BadRequestException("The address \u201c" + theSlug + "\u201d is taken by another section at that place.");
            }
            taxonomy.createSection(parent, theSlug, name.strip(), description.strip(),
                    (int) taxonomy.sections().stream().filter(s -> java.util.Objects.equals(s.parentId(), parent)).count());
        });
    }

    @PostMapping("/newsroom/sections/{id}")
    String updateSection(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String parentId,
                         @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        return outcome(redirect, "/newsroom/sections/", "Section saved.", () -> {
            limit(name, 200, "The section's name");
            limit(description, 2000, "The section's description");
            taxonomy.updateSection(id, id(parentId), slug.strip(), name, description);
        });
    }

    @PostMapping("/newsroom/sections/{id}/move")
    String moveSection(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "down") String direction, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        return outcome(redirect, "/newsroom/sections/", "Order saved.", () -> taxonomy.moveSection(id, "up".equals(direction) ? -1 : 1));
    }

    @GetMapping("/newsroom/tags/")
    String tags(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String notice,
                @RequestParam(defaultValue = "") String error, Model model) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        model.addAttribute("page", new TaxonomyPages.Tags(taxonomy.tags().stream().map(t -> new TaxonomyPages.TagRow(t.id(),
                t.name(), t.slug(), taxonomy.articlesWithTag(t.id()), t.url())).toList(), notice, error));
        return "newsroom/tags";
    }

    @PostMapping("/newsroom/tags/{id}")
    String renameTag(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                     @RequestParam(defaultValue = "") String slug, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        return outcome(redirect, "/newsroom/tags/", "Tag saved.", () -> {
            limit(name, 200, "The tag's name");
            taxonomy.renameTag(id, slug.strip(), name);
        });
    }

    @PostMapping("/newsroom/tags/merge")
    String mergeTags(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String from,
                     @RequestParam(defaultValue = "") String into, RedirectAttributes redirect) {
        policy.require(user, StaffAction.MANAGE_SECTIONS_AND_TAGS);
        return outcome(redirect, "/newsroom/tags/", "Tags merged.", () -> {
            Long a = id(from);
            Long b = id(into);
            if (a == null || b == null) {
                throw new BadRequestException("Choose the two tags to merge.");
            }
            taxonomy.mergeTags(a, b);
        });
    }

    static String outcome(RedirectAttributes redirect, String to, String success, Runnable action) {
        try {
            action.run();
            redirect.addAttribute("notice", success);
        } catch (BadRequestException e) {
            redirect.addAttribute("error", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            redirect.addAttribute("error", refusal(e));
        }
        return "redirect:" + to;
    }

    /** What the database's refusal means for the person who sent the form (the checks above should come first). */
    static String refusal(DataIntegrityViolationException e) {
        return refusal(e, "That clashes with an existing entry (the address must be unique).");
    }

    /** What the database refused, in words; {@code clash} for a unique value that is taken. */
    static String refusal(DataIntegrityViolationException e, String clash) {
        String state = e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        return switch (state) {
            case "22001" -> "One of the values is too long; shorten it and try again.";
            // 23503 on PostgreSQL, 23506 on H2: a chosen row is gone.
            case "23503", "23506" -> "Something chosen in the form no longer exists; reload the page and choose again.";
            default -> clash;
        };
    }

    /** Refuses a value longer than the database keeps, naming the field. */
    static void limit(String value, int max, String field) {
        if (value != null && value.strip().length() > max) {
            throw new BadRequestException(field + " is too long (" + max + " characters at most).");
        }
    }

    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("Choose from the list.");
        }
    }
}

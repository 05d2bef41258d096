package se.coop.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.coop.api.AgreementState;
import se.coop.api.PartyId;
import se.coop.api.query.AgreementCounts;
import se.coop.api.query.AgreementPage;
import se.coop.query.QueryNode;
import se.coop.query.web.AgreementQueryController;
import se.coop.web.Permissions;

/** The register: every agreement, with the list's filters, the count in each state and paging. */
@Controller
@QueryNode
class RegisterPage {

    static final int PAGE_SIZE = 20;

    private final AgreementQueryController agreements;
    private final Permissions permissions;

    RegisterPage(AgreementQueryController agreements, Permissions permissions) {
        this.agreements = agreements;
        this.permissions = permissions;
    }

    @GetMapping("/")
    String register(
            @RequestParam(required = false) AgreementState state,
            @RequestParam(required = false) String party,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String focusArea,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String mine,
            Model model) {
        if (!permissions.mayRead("/api/v1/agreements") && permissions.mayRead("/api/v1/admin/projections")) {
            // an operator reads no agreements: their home is the operations page
            return "redirect:/operator";
        }
        permissions.require("GET", "/api/v1/agreements");
        String typedParty = party;
        if (party != null && !party.isBlank() && !PartyId.isId(party.strip())) {
            // a party's name where its id goes: the names of parties are searched with the text, and the page says so
            q = q == null || q.isBlank() ? party.strip() : q.strip() + " " + party.strip();
            party = null;
            model.addAttribute("partyAsText", typedParty.strip());
        }
        // "to do for my parties": the agreements where one of the reader's parties still owes something
        String owing = permissions.owingFilter("true".equals(mine));
        AgreementPage agreementsPage = agreements
                .list(state, party, country, focusArea, q, Math.max(0, page), PAGE_SIZE, owing)
                .getBody();
        long lastPage = (agreementsPage.totalElements() - 1) / PAGE_SIZE;
        if (agreementsPage.totalExact() && agreementsPage.page() > Math.max(0, lastPage)) {
            // a page beyond the last (an old link, a hand-made address): the last one
            agreementsPage = agreements
                    .list(state, party, country, focusArea, q, (int) Math.max(0, lastPage), PAGE_SIZE, owing)
                    .getBody();
        }
        AgreementCounts counts =
                agreements.counts(party, country, focusArea, q, owing).getBody();
        model.addAttribute("mine", owing != null ? Boolean.TRUE : null);
        model.addAttribute("myParties", permissions.parties());
        model.addAttribute("agreements", agreementsPage);
        model.addAttribute("counts", counts.byState());
        model.addAttribute("all", counts.total());
        model.addAttribute("states", AgreementState.values());
        model.addAttribute("state", state);
        model.addAttribute("party", party == null ? "" : party);
        model.addAttribute("typedParty", typedParty == null ? "" : typedParty);
        model.addAttribute("country", country == null ? "" : country);
        model.addAttribute("focusArea", focusArea == null ? "" : focusArea);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("page", agreementsPage.page());
        model.addAttribute("pageNumber", agreementsPage.page() + 1L);
        long pages = Math.max(1, (agreementsPage.totalElements() + PAGE_SIZE - 1) / PAGE_SIZE);
        // beyond the matches counted exactly, the number of pages is not known: a full page may have a next one
        boolean pagesKnown = agreementsPage.totalExact();
        model.addAttribute("pages", pagesKnown ? pages : Math.max(pages, agreementsPage.page() + 2L));
        model.addAttribute("pagesKnown", pagesKnown);
        model.addAttribute(
                "hasNext",
                pagesKnown
                        ? agreementsPage.page() + 1L < pages
                        : agreementsPage.content().size() == PAGE_SIZE);
        model.addAttribute("mayDraft", permissions.mayPost("/api/v1/agreements"));
        model.addAttribute("mayExport", permissions.mayRead("/api/v1/agreements/export"));
        return "register";
    }
}

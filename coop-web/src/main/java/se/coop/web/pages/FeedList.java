package se.coop.web.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import se.coop.api.register.PartyRegister;
import se.coop.query.calendar.CalendarController;
import se.coop.query.calendar.CalendarFeeds;
import se.coop.web.Formats;
import se.coop.web.Permissions;

/**
 * The live calendar feeds, for a page whose reader may list and revoke them (a secretariat on the calendar page, an
 * operator on the operator page): each feed with a party's name as the register holds it.
 */
final class FeedList {

    private FeedList() {}

    /** Adds {@code feeds}, {@code feedPartyNames} and {@code mayListFeeds} to the page's model. */
    static void addTo(Model model, Permissions permissions, CalendarController calendar, PartyRegister register) {
        boolean mayList = permissions.mayRead("/api/v1/calendar/feeds");
        List<CalendarFeeds.Listed> feeds = mayList ? calendar.list(false) : List.of();
        Map<String, String> partyNames = new HashMap<>();
        for (CalendarFeeds.Listed feed : feeds) {
            if (feed.party() != null) {
                partyNames.computeIfAbsent(
                        feed.party(),
                        id -> register.get(id)
                                .map(found -> found.names().in(Formats.language()))
                                .orElse(id));
            }
        }
        model.addAttribute("feeds", feeds);
        model.addAttribute("feedPartyNames", partyNames);
        model.addAttribute("mayListFeeds", mayList);
    }

    /** The page a revocation goes back to: the operator page when asked from there, else the calendar. */
    static String back(String back) {
        return "/operator".equals(back) ? "/operator" : "/calendar";
    }
}

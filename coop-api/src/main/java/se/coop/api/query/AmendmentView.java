package se.coop.api.query;

import java.util.List;

/** An amendment awaiting approval, and which parties have approved it so far. */
public record AmendmentView(
        String amendmentId, int textVersion, String textSha256, String summary, List<String> approvedBy) {}

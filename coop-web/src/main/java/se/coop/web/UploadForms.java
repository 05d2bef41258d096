package se.coop.web;

import java.util.List;

/**
 * The pages' forms that carry a file field, sent as {@code multipart/form-data}: the draft (its text), its revision
 * and an amendment (a new text version), a signature (the signed copy), a board decision (the minutes extract), a meeting recorded as held or its outcome (the minutes), and
 * an attached document. Only these, and the API's upload, take a multipart body — and one as large as a document may
 * be ({@code coop.documents.max-size}).
 */
public final class UploadForms {

    /** The forms' paths, as patterns ({@code *}: one segment). */
    public static final List<String> PATHS = List.of(
            "/agreements/new",
            "/agreements/*/sign",
            "/agreements/*/decide",
            "/agreements/*/revise",
            "/agreements/*/amend",
            "/agreements/*/reviews",
            "/agreements/*/reviews/held",
            "/agreements/*/reviews/*/outcome",
            "/agreements/*/documents");

    /** Where the API takes an upload. */
    public static final String API = "/api/v1/documents";

    /** Where a form's upload over the limit is answered, with a page saying so. */
    public static final String TOO_LARGE = "/upload-too-large";

    /** Where a form's upload by someone who may not record anything is answered, unread, with a page saying so. */
    public static final String FORBIDDEN = "/upload-forbidden";

    /** Where a page's form without a file, larger than any form Coop reads, is answered unread, with a page. */
    public static final String FORM_TOO_LARGE = "/form-too-large";

    private UploadForms() {}
}

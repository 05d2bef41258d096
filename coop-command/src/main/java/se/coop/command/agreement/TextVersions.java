package se.coop.command.agreement;

import static se.coop.command.agreement.Refusal.refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.coop.api.AgreementText;
import se.coop.api.ErrorCode;
import se.coop.api.ValueChecks;

/**
 * The versions of an agreement's text, each identified by the SHA-256 of the document (rule 15), with the description
 * it has now, and the version in force. A corrected description is the same version.
 */
final class TextVersions {

    private final List<AgreementText> versions = new ArrayList<>();
    private int inForce;

    int count() {
        return versions.size();
    }

    String currentSha() {
        return versions.get(versions.size() - 1).sha256();
    }

    AgreementText current() {
        return versions.get(versions.size() - 1);
    }

    String sha(int version) {
        return versions.get(version - 1).sha256();
    }

    int inForce() {
        return inForce;
    }

    String inForceSha() {
        return sha(inForce);
    }

    /** The version a text hash names (the latest, should a text come back), or 0 for none of this agreement's. */
    int versionOf(String sha256) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).sha256().equals(sha256)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Rule 15: the current text described as {@code given} says — what it leaves out stays as it was — or the
     * description as it is when nothing in it changes.
     */
    AgreementText describedAs(AgreementText given) {
        return describedAs(versions.size(), given);
    }

    /** Rule 15: a text this agreement knows by its SHA-256 has one size — the same bytes cannot have another. */
    void requireSameSize(AgreementText text) {
        for (AgreementText known : versions) {
            if (known.sha256().equals(text.sha256())
                    && known.size() != null
                    && text.size() != null
                    && !known.size().equals(text.size())) {
                throw refused(
                        ErrorCode.TEXT_SIZE_MISMATCH,
                        "Text " + ValueChecks.shortHash(text.sha256()) + "… is known with " + known.size()
                                + " bytes; the same SHA-256 cannot name " + text.size() + " bytes (rule 15).",
                        "text.size");
            }
        }
    }

    /** Rule 15: the version {@code version} described as {@code given} says — what it leaves out stays as it was. */
    AgreementText describedAs(int version, AgreementText given) {
        AgreementText now = versions.get(version - 1);
        return new AgreementText(
                now.sha256(),
                given.title() != null ? given.title() : now.title(),
                given.mediaType() != null ? given.mediaType() : now.mediaType(),
                given.size() != null ? given.size() : now.size(),
                given.uri() != null ? given.uri() : now.uri());
    }

    AgreementText described(int version) {
        return versions.get(version - 1);
    }

    boolean describedSo(AgreementText description) {
        return Objects.equals(current(), description);
    }

    // ------------------------------------------------------------------ what the events say

    void added(AgreementText text) {
        versions.add(text);
    }

    void corrected(int version, AgreementText text) {
        versions.set(version - 1, text);
    }

    void inForce(int version) {
        inForce = version;
    }
}

package se.coop.query.extract;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The package's METS files per E-ARK CSIP/SIP 2.1.0 (which FGS Paketstruktur builds on): the root METS.xml with the
 * package's agents, its descriptive (ERMS) and preservation (PREMIS) metadata by reference, and its representation
 * by a pointer; and the representation's own METS.xml listing its data files. Every file is listed with its SHA-256
 * checksum, size, media type and creation time.
 */
final class Mets {

    static final String METS = "http://www.loc.gov/METS/";
    static final String CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    static final String SIP = "https://DILCIS.eu/XML/METS/SIPExtensionMETS";
    static final String PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-1-0.xml";
    static final String CONTENT_INFORMATION_TYPE = "ERMS";
    static final String REPRESENTATION = "rep1";

    /** Who and what the package is about: the METS header's facts. */
    record Header(
            String objectId,
            String label,
            OffsetDateTime created,
            boolean preliminary,
            String softwareVersion,
            String submitter,
            String archivalCreator) {}

    private Mets() {}

    static byte[] root(Header header, PackageFile erms, PackageFile premis, PackageFile representationMets) {
        Xml xml = Xml.document();
        Xml.Node mets = start(xml, header.objectId(), header, "");
        Xml.Node hdr = mets.add("metsHdr")
                .attr("CREATEDATE", time(header.created()))
                .attr("RECORDSTATUS", header.preliminary() ? "TEST" : "NEW")
                .attr(CSIP, "csip:OAISPACKAGETYPE", "SIP");
        hdr.add("agent")
                .attr("ROLE", "CREATOR")
                .attr("TYPE", "OTHER")
                .attr("OTHERTYPE", "SOFTWARE")
                .text("name", "Coop")
                .add("note")
                .attr(CSIP, "csip:NOTETYPE", "SOFTWARE VERSION")
                .text(header.softwareVersion());
        hdr.add("agent").attr("ROLE", "CREATOR").attr("TYPE", "ORGANIZATION").text("name", header.submitter());
        hdr.add("agent").attr("ROLE", "ARCHIVIST").attr("TYPE", "ORGANIZATION").text("name", header.archivalCreator());
        String dmd = id();
        Xml.Node dmdSec = mets.add("dmdSec")
                .attr("ID", dmd)
                .attr("CREATED", time(header.created()))
                .attr("STATUS", "CURRENT");
        reference(dmdSec.add("mdRef"), erms, header.created())
                .attr("MDTYPE", "OTHER")
                .attr("OTHERMDTYPE", "ERMS");
        String digiprov = id();
        Xml.Node amdSec = mets.add("amdSec").attr("ID", id());
        Xml.Node digiprovMd = amdSec.add("digiprovMD").attr("ID", digiprov).attr("STATUS", "CURRENT");
        reference(digiprovMd.add("mdRef"), premis, header.created()).attr("MDTYPE", "PREMIS");
        Xml.Node fileSec = mets.add("fileSec").attr("ID", id());
        String group = id();
        Xml.Node fileGrp = fileSec.add("fileGrp").attr("ID", group).attr("USE", "Representations/" + REPRESENTATION);
        file(fileGrp, representationMets, representationMets.path(), header.created());
        Xml.Node structMap =
                mets.add("structMap").attr("ID", id()).attr("TYPE", "PHYSICAL").attr("LABEL", "CSIP");
        Xml.Node top = structMap.add("div").attr("ID", id()).attr("LABEL", header.objectId());
        top.add("div")
                .attr("ID", id())
                .attr("LABEL", "Metadata")
                .attr("DMDID", dmd)
                .attr("ADMID", digiprov);
        top.add("div")
                .attr("ID", id())
                .attr("LABEL", "Representations/" + REPRESENTATION)
                .add("mptr")
                .attr("LOCTYPE", "URL")
                .attr(Xml.XLINK, "xlink:type", "simple")
                .attr(Xml.XLINK, "xlink:href", representationMets.path())
                .attr(Xml.XLINK, "xlink:title", group);
        return xml.bytes();
    }

    /** The representation's METS.xml; {@code files} have paths relative to the representation's folder. */
    static byte[] representation(Header header, List<PackageFile> files) {
        Xml xml = Xml.document();
        Xml.Node mets = start(xml, REPRESENTATION, header, "../../");
        mets.add("metsHdr").attr("CREATEDATE", time(header.created())).attr(CSIP, "csip:OAISPACKAGETYPE", "SIP");
        Xml.Node fileSec = mets.add("fileSec").attr("ID", id());
        String group = id();
        Xml.Node fileGrp = fileSec.add("fileGrp").attr("ID", group).attr("USE", "Data");
        for (PackageFile f : files) {
            file(fileGrp, f, f.path(), header.created());
        }
        Xml.Node structMap =
                mets.add("structMap").attr("ID", id()).attr("TYPE", "PHYSICAL").attr("LABEL", "CSIP");
        structMap
                .add("div")
                .attr("ID", id())
                .attr("LABEL", REPRESENTATION)
                .add("div")
                .attr("ID", id())
                .attr("LABEL", "Data")
                .add("fptr")
                .attr("FILEID", group);
        return xml.bytes();
    }

    private static Xml.Node start(Xml xml, String objectId, Header header, String schemas) {
        Xml.Node mets = xml.root(METS, "mets")
                .declare("xlink", Xml.XLINK)
                .declare("xsi", Xml.XSI)
                .declare("csip", CSIP)
                .declare("sip", SIP);
        mets.attr("OBJID", objectId)
                .attr("LABEL", header.label())
                .attr("TYPE", "Mixed")
                .attr(CSIP, "csip:CONTENTINFORMATIONTYPE", CONTENT_INFORMATION_TYPE)
                .attr("PROFILE", PROFILE)
                .attr(
                        Xml.XSI,
                        "xsi:schemaLocation",
                        METS + " http://www.loc.gov/standards/mets/mets.xsd " + Xml.XLINK
                                + " http://www.loc.gov/standards/mets/xlink.xsd");
        return mets;
    }

    private static Xml.Node reference(Xml.Node mdRef, PackageFile file, OffsetDateTime created) {
        return mdRef.attr("ID", id())
                .attr("LOCTYPE", "URL")
                .attr(Xml.XLINK, "xlink:type", "simple")
                .attr(Xml.XLINK, "xlink:href", file.path())
                .attr("MIMETYPE", file.mimeType())
                .attr("SIZE", file.size())
                .attr("CREATED", time(created))
                .attr("CHECKSUM", file.sha256())
                .attr("CHECKSUMTYPE", "SHA-256");
    }

    private static void file(Xml.Node fileGrp, PackageFile file, String href, OffsetDateTime created) {
        fileGrp.add("file")
                .attr("ID", id())
                .attr("MIMETYPE", file.mimeType())
                .attr("SIZE", file.size())
                .attr("CREATED", time(file.created() != null ? file.created() : created))
                .attr("CHECKSUM", file.sha256())
                .attr("CHECKSUMTYPE", "SHA-256")
                .attr(SIP, "sip:FILEFORMATNAME", file.format().name())
                .attr(SIP, "sip:FILEFORMATVERSION", file.format().version())
                .attr(SIP, "sip:FORMATREGISTRY", file.format().pronomKey() == null ? null : "PRONOM")
                .attr(SIP, "sip:FORMATREGISTRYKEY", file.format().pronomKey())
                .add("FLocat")
                .attr("LOCTYPE", "URL")
                .attr(Xml.XLINK, "xlink:type", "simple")
                .attr(Xml.XLINK, "xlink:href", href);
    }

    static String time(OffsetDateTime at) {
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String id() {
        return "uuid-" + UUID.randomUUID();
    }
}

package se.coop.app.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.roda_project.commons_ip2.validator.EARKSIPValidator;
import org.roda_project.commons_ip2.validator.constants.ConstantsCSIPspec;
import org.roda_project.commons_ip2.validator.constants.ConstantsSIPspec;
import org.roda_project.commons_ip2.validator.reporter.ReporterDetails;
import org.roda_project.commons_ip2.validator.reporter.ValidationReportOutputJson;
import org.xml.sax.SAXException;

/**
 * The E-ARK community's validator (commons-ip2) over a package: every requirement of CSIP and SIP 2.1.0 (the versions
 * FGS Paketstruktur 2.0 builds on) it checks, each failure with its level (MUST, SHOULD, MAY) from the specification.
 */
final class SipValidation {

    static final String VERSION = "2.1.0";

    /** A requirement not met: its id (CSIP68, SIP15 …), level and what the validator said. */
    record Failure(String id, String level, List<String> issues) {}

    private SipValidation() {}

    static List<Failure> failures(Path zip) throws IOException, ParserConfigurationException, SAXException {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ValidationReportOutputJson output = new ValidationReportOutputJson(zip, report);
        new EARKSIPValidator(output, VERSION).validate(VERSION);
        return output.getResults().entrySet().stream()
                .filter(e -> !e.getValue().isValid() && !e.getValue().isSkipped())
                .map(SipValidation::failure)
                .toList();
    }

    private static Failure failure(Map.Entry<String, ReporterDetails> result) {
        String id = result.getKey();
        String level = id.startsWith("CSIP")
                ? ConstantsCSIPspec.getSpecificationLevel(id)
                : id.startsWith("SIP") ? ConstantsSIPspec.getSpecificationLevel(id) : "MUST";
        return new Failure(id, level, result.getValue().getIssues());
    }
}

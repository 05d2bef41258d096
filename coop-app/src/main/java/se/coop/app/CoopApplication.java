package se.coop.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Coop: cooperation agreements between public bodies, from letter of intent to archive. */
@SpringBootApplication(scanBasePackages = "se.coop")
@ConfigurationPropertiesScan("se.coop")
public class CoopApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CoopApplication.class, args);
    }
}

package org.precisionaid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PrecisionAidApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrecisionAidApplication.class, args);
    }
}
